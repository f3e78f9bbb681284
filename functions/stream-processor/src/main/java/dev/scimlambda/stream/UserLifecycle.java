package dev.scimlambda.stream;

import dev.scimlambda.events.DirectoryEvents;
import dev.scimlambda.events.UserSnapshot;
import dev.scimlambda.observability.OperationalMetric;
import dev.scimlambda.persistence.ItemChanges.ItemChange;
import dev.scimlambda.persistence.ItemChanges.UserChanged;
import java.util.Optional;

/**
 * The user metric a change counts toward, read as its directory event is: a create provisions, an
 * active user turning inactive is deactivated, a removal deletes. Counted from the stream, each
 * change counts once however often the IdP retried the request that made it.
 */
final class UserLifecycle {

  private UserLifecycle() {}

  static Optional<OperationalMetric> metricOf(ChangeRecord change) {
    ItemChange item;
    try {
      item = change.change();
    } catch (RuntimeException unreadable) {
      // Counting must never fail a batch: a user image no projection can read was parked (or
      // reported) by them already, and counts toward no lifecycle metric.
      return Optional.empty();
    }
    if (!(item instanceof UserChanged user)) {
      return Optional.empty();
    }
    UserSnapshot before = DirectoryEventsProjection.user(user.before());
    UserSnapshot after = DirectoryEventsProjection.user(user.after());
    return switch (DirectoryEvents.userEventType(before, after)) {
      case USER_CREATED -> Optional.of(OperationalMetric.USERS_PROVISIONED);
      case USER_DEACTIVATED -> Optional.of(OperationalMetric.USERS_DEACTIVATED);
      case USER_DELETED -> Optional.of(OperationalMetric.USERS_DELETED);
      default -> Optional.empty();
    };
  }
}
