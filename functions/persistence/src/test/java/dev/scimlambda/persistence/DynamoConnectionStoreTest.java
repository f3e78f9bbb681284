package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.IdpType;
import dev.scimlambda.problem.ConflictException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DynamoConnectionStoreTest {

  final DynamoConnectionStore store = new DynamoConnectionStore(newTable());

  /** The table under test; the LocalStack subclass runs the same specification against LocalStack. */
  TableAccess newTable() {
    return TableFixture.newTable();
  }
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private Connection connection(String id, String workspace, Instant createdAt) {
    return new Connection(id, workspace, "Okta", IdpType.OKTA, "v1", null, null, createdAt, null, null);
  }

  @Test
  void aCreatedConnectionIsFoundByIdAlone() {
    Connection okta = connection("c1", "acme", now);
    store.create(okta);
    assertThat(store.find("c1")).contains(okta);
  }

  @Test
  void aWorkspaceListsOnlyItsConnectionsOldestFirst() {
    store.create(connection("late", "acme", now.plusSeconds(10)));
    store.create(connection("early", "acme", now));
    store.create(connection("other", "globex", now));
    assertThat(store.listByWorkspace("acme")).extracting(Connection::id).containsExactly("early", "late");
  }

  @Test
  void rotationKeepsThePreviousVersionUntilTheGivenTime() {
    store.create(connection("c1", "acme", now));
    store.rotateSecret("c1", "v1", "v2", now.plusSeconds(60));
    Connection rotated = store.find("c1").orElseThrow();
    assertThat(rotated.secretVersion()).isEqualTo("v2");
    assertThat(rotated.previousSecretVersion()).isEqualTo("v1");
    assertThat(rotated.previousSecretValidUntil()).isEqualTo(now.plusSeconds(60));
  }

  @Test
  void aRotationFromAVersionThatIsNoLongerCurrentConflicts() {
    store.create(connection("c1", "acme", now));
    store.rotateSecret("c1", "v1", "v2", now);
    assertThatThrownBy(() -> store.rotateSecret("c1", "v1", "v3", now)).isInstanceOf(ConflictException.class);
    assertThat(store.find("c1").orElseThrow().secretVersion()).isEqualTo("v2");
  }

  @Test
  void aDeletedConnectionCannotBeRotated() {
    store.create(connection("c1", "acme", now));
    store.markDeleted("c1", now);
    assertThatThrownBy(() -> store.rotateSecret("c1", "v1", "v2", now)).isInstanceOf(ConflictException.class);
  }

  @Test
  void deletionIsRecordedOnceAndDropsThePreviousSecret() {
    store.create(connection("c1", "acme", now));
    store.rotateSecret("c1", "v1", "v2", now.plusSeconds(60));
    assertThat(store.markDeleted("c1", now)).isTrue();
    assertThat(store.markDeleted("c1", now.plusSeconds(1))).isFalse();
    Connection deleted = store.find("c1").orElseThrow();
    assertThat(deleted.deletedAt()).isEqualTo(now);
    assertThat(deleted.previousSecretVersion()).isNull();
  }

  @Test
  void lastRequestSeenNeverMovesBackwards() {
    store.create(connection("c1", "acme", now));
    store.touch("c1", now.plusSeconds(10));
    store.touch("c1", now.plusSeconds(5));
    assertThat(store.find("c1").orElseThrow().lastRequestAt()).isEqualTo(now.plusSeconds(10));
  }

  @Test
  void touchingAnUnknownConnectionCreatesNothing() {
    store.touch("ghost", now);
    assertThat(store.find("ghost")).isEmpty();
  }
}
