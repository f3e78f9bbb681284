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
import dev.scimlambda.persistence.ItemChanges.ConnectionChanged;
import dev.scimlambda.persistence.ItemChanges.GroupChanged;
import dev.scimlambda.persistence.ItemChanges.ItemChange;
import dev.scimlambda.persistence.ItemChanges.MembershipChanged;
import dev.scimlambda.persistence.ItemChanges.UserChanged;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns user, group, membership and connection changes into directory events and hands them to
 * every sink. Other items (guards, counts, cursors) are not events. A sink that cannot deliver
 * throws, so the record is redelivered with the same event ids: at least once.
 */
public final class DirectoryEventsProjection implements Projection {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryEventsProjection.class);

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
    ItemChange item = change.change();
    if (item instanceof ConnectionChanged connection) {
      List<DirectoryEvent> events = connection(change, connection);
      if (!events.isEmpty()) {
        sinks.forEach(sink -> sink.publish(events));
      }
      return;
    }
    Optional<DirectoryEvent> event;
    if (item instanceof UserChanged user) {
      event = derive(change, user.current().connectionId(), user.before(), user.after(),
          DirectoryEventsProjection::user, DirectoryEvents::user);
    } else if (item instanceof GroupChanged group) {
      String connectionId = (group.after() != null ? group.after() : group.before()).connectionId();
      event = derive(change, connectionId, group.before(), group.after(),
          DirectoryEventsProjection::group, DirectoryEvents::group);
    } else if (item instanceof MembershipChanged membership) {
      event = derive(change, membership.connectionId(), membership.before(), membership.after(),
          member -> membership(membership, member), DirectoryEvents::membership);
    } else {
      event = Optional.empty();
    }
    event.ifPresent(e -> sinks.forEach(sink -> sink.publish(List.of(e))));
  }

  private interface Derivation<T> {
    Optional<DirectoryEvent> derive(ChangeContext context, T before, T after);
  }

  private <S, T> Optional<DirectoryEvent> derive(ChangeRecord change, String connectionId, S before, S after,
      Function<S, T> snapshot, Derivation<T> derivation) {
    Optional<String> workspaceId = workspaces.find(connectionId);
    if (workspaceId.isEmpty()) {
      LOG.warn("no event for {} at sequence {}: its connection is unknown", change.entity(), change.sequenceNumber());
      return Optional.empty();
    }
    ChangeContext context = new ChangeContext(change.sequenceNumber(), change.recordedAt(), workspaceId.get(), connectionId, source);
    return derivation.derive(context, snapshotIfPresent(before, snapshot), snapshotIfPresent(after, snapshot));
  }

  /** A connection names its own workspace: no lookup, and a deleted connection still has one. */
  private List<DirectoryEvent> connection(ChangeRecord change, ConnectionChanged changed) {
    Connection current = changed.current();
    ChangeContext context =
        new ChangeContext(change.sequenceNumber(), change.recordedAt(), current.workspaceId(), current.id(), source);
    return DirectoryEvents.connection(context, snapshotIfPresent(changed.before(), DirectoryEventsProjection::connection),
        snapshotIfPresent(changed.after(), DirectoryEventsProjection::connection));
  }

  private static ConnectionSnapshot connection(Connection c) {
    return new ConnectionSnapshot(c.id(), c.name(), c.type().wireName(), c.secretVersion(), c.previousSecretValidUntil(),
        c.lastRequestAt(), c.deletedAt());
  }

  private static <S, T> T snapshotIfPresent(S value, Function<S, T> snapshot) {
    return value == null ? null : snapshot.apply(value);
  }

  /** The user as its events show it; null for none (before a creation, after a removal). */
  static UserSnapshot user(ScimUser user) {
    return user == null ? null : new UserSnapshot(user.id(), user.appUserId(), user.active(), user.document());
  }

  private static GroupSnapshot group(ScimGroup group) {
    return new GroupSnapshot(group.id(), group.document());
  }

  /**
   * Membership items do not name the member's person; the member user does. A user already deleted
   * (its removal takes its memberships with it) is named by its SCIM id, as the events say.
   */
  private MembershipSnapshot membership(MembershipChanged changed, Member member) {
    String appUserId = Member.USER.equals(member.type())
        ? users.find(changed.connectionId(), member.value()).map(ScimUser::appUserId).orElse(null)
        : null;
    return new MembershipSnapshot(changed.groupId(), member.value(), member.type(), member.display(), appUserId);
  }
}
