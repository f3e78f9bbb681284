package dev.scimlambda.stream;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.events.ChangeContext;
import dev.scimlambda.events.ConnectionSnapshot;
import dev.scimlambda.events.DirectoryEvent;
import dev.scimlambda.events.DirectoryEvents;
import dev.scimlambda.events.EventSink;
import dev.scimlambda.events.GroupSnapshot;
import dev.scimlambda.events.MembershipSnapshot;
import dev.scimlambda.events.UserSnapshot;
import dev.scimlambda.persistence.DynamoConnectionStore;
import dev.scimlambda.persistence.DynamoGroupStore;
import dev.scimlambda.persistence.DynamoUserStore;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns user, group, membership and connection changes into directory events and hands them to
 * every sink. Other items (guards, counts, cursors) are not events. A sink that cannot deliver
 * throws, so the record is redelivered with the same event ids: at least once.
 */
public final class DirectoryEventsProjection implements Projection {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryEventsProjection.class);
  /** On SCIM user items: the person the user is linked to (absent on users stored before links). */
  static final String APP_USER_ID = "appUserId";

  private final ConnectionWorkspaces workspaces;
  private final UserStore users;
  private final List<EventSink> sinks;
  private final String source;

  /** @param source the events' CloudEvents source, {@code scim-lambda.<stage>} */
  public DirectoryEventsProjection(ConnectionWorkspaces workspaces, UserStore users, List<EventSink> sinks, String source) {
    this.workspaces = workspaces;
    this.users = users;
    this.sinks = List.copyOf(sinks);
    this.source = source;
  }

  /** Every sink retries with backoff (RetryPolicy.DELIVERY) before it throws. */
  @Override
  public boolean retriesItself() {
    return true;
  }

  @Override
  public void apply(ChangeRecord change) {
    if (DynamoConnectionStore.ENTITY.equals(change.entity())) {
      List<DirectoryEvent> events = connection(change);
      if (!events.isEmpty()) {
        sinks.forEach(sink -> sink.publish(events));
      }
      return;
    }
    Optional<DirectoryEvent> event =
        switch (change.entity()) {
          case DynamoUserStore.ENTITY -> derive(change, DirectoryEventsProjection::user, DirectoryEvents::user);
          case DynamoGroupStore.ENTITY -> derive(change, DirectoryEventsProjection::group, DirectoryEvents::group);
          case DynamoGroupStore.MEMBER_ENTITY ->
              derive(change, this::membership, DirectoryEvents::membership);
          default -> Optional.empty();
        };
    event.ifPresent(e -> sinks.forEach(sink -> sink.publish(List.of(e))));
  }

  private interface Derivation<T> {
    Optional<DirectoryEvent> derive(ChangeContext context, T before, T after);
  }

  private <T> Optional<DirectoryEvent> derive(
      ChangeRecord change, Function<Map<String, AttributeValue>, T> decode, Derivation<T> derivation) {
    Map<String, AttributeValue> image = change.newImage().isEmpty() ? change.oldImage() : change.newImage();
    String connectionId = image.get("connectionId").s();
    Optional<String> workspaceId = workspaces.find(connectionId);
    if (workspaceId.isEmpty()) {
      LOG.warn("no event for {} at sequence {}: its connection is unknown", change.entity(), change.sequenceNumber());
      return Optional.empty();
    }
    ChangeContext context = new ChangeContext(change.sequenceNumber(), change.recordedAt(), workspaceId.get(), connectionId, source);
    return derivation.derive(context, decodeIfPresent(change.oldImage(), decode), decodeIfPresent(change.newImage(), decode));
  }

  /** A connection item names its own workspace: no lookup, and a deleted connection still has one. */
  private List<DirectoryEvent> connection(ChangeRecord change) {
    Connection current = DynamoConnectionStore.fromItem(change.newImage().isEmpty() ? change.oldImage() : change.newImage());
    ChangeContext context =
        new ChangeContext(change.sequenceNumber(), change.recordedAt(), current.workspaceId(), current.id(), source);
    return DirectoryEvents.connection(context, decodeIfPresent(change.oldImage(), DirectoryEventsProjection::connection),
        decodeIfPresent(change.newImage(), DirectoryEventsProjection::connection));
  }

  private static ConnectionSnapshot connection(Map<String, AttributeValue> image) {
    Connection c = DynamoConnectionStore.fromItem(image);
    return new ConnectionSnapshot(c.id(), c.name(), c.type().wireName(), c.secretVersion(), c.previousSecretValidUntil(),
        c.lastRequestAt(), c.deletedAt());
  }

  private static <T> T decodeIfPresent(Map<String, AttributeValue> image, Function<Map<String, AttributeValue>, T> decode) {
    return image.isEmpty() ? null : decode.apply(image);
  }

  static UserSnapshot user(Map<String, AttributeValue> image) {
    ScimUser user = DynamoUserStore.fromItem(image);
    return new UserSnapshot(user.id(), string(image, APP_USER_ID), user.active(), user.document());
  }

  private static GroupSnapshot group(Map<String, AttributeValue> image) {
    ScimGroup group = DynamoGroupStore.fromItem(image);
    return new GroupSnapshot(group.id(), group.document());
  }

  /**
   * Membership items do not name the member's person; the member user does. A user already deleted
   * (its removal takes its memberships with it) is named by its SCIM id, as the events say.
   */
  private MembershipSnapshot membership(Map<String, AttributeValue> image) {
    Member member = DynamoGroupStore.memberFromItem(image);
    String appUserId = Member.USER.equals(member.type())
        ? users.find(string(image, "connectionId"), member.value()).map(ScimUser::appUserId).orElse(null)
        : null;
    return new MembershipSnapshot(string(image, "groupId"), member.value(), member.type(), member.display(), appUserId);
  }

  private static String string(Map<String, AttributeValue> image, String name) {
    AttributeValue value = image.get(name);
    return value == null ? null : value.s();
  }
}
