package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.workspace.IdentitySettings;
import dev.scimlambda.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DynamoWorkspaceStoreTest {

  final DynamoWorkspaceStore store = new DynamoWorkspaceStore(newTable());

  /** The table under test; the LocalStack subclass runs the same specification against LocalStack. */
  TableAccess newTable() {
    return TableFixture.newTable();
  }
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private Workspace workspace(String id, Integer seatLimit, long version) {
    return new Workspace(
        id, "Acme", seatLimit, new IdentitySettings(Duration.ofHours(8), now, false), now, now, version);
  }

  @Test
  void aCreatedWorkspaceReadsBackUnchanged() {
    Workspace acme = workspace("acme", 25, 1);
    store.create(acme);
    assertThat(store.find("acme")).contains(acme);
  }

  @Test
  void anUnlimitedSeatLimitReadsBackAsNull() {
    store.create(workspace("acme", null, 1));
    assertThat(store.find("acme").orElseThrow().seatLimit()).isNull();
  }

  @Test
  void creatingATakenIdConflicts() {
    store.create(workspace("acme", 1, 1));
    assertThatThrownBy(() -> store.create(workspace("acme", 2, 1))).isInstanceOf(ConflictException.class);
    assertThat(store.find("acme").orElseThrow().seatLimit()).isEqualTo(1);
  }

  @Test
  void anUnknownIdIsEmpty() {
    assertThat(store.find("nope")).isEmpty();
  }

  @Test
  void theListHoldsEveryWorkspace() {
    store.create(workspace("a1", 1, 1));
    store.create(workspace("b2", 1, 1));
    assertThat(store.list()).extracting(Workspace::id).containsExactlyInAnyOrder("a1", "b2");
  }

  @Test
  void anUpdateBasedOnTheStoredVersionIsWritten() {
    store.create(workspace("acme", 1, 1));
    store.update(workspace("acme", 5, 2));
    assertThat(store.find("acme").orElseThrow().seatLimit()).isEqualTo(5);
  }

  @Test
  void anUpdateBasedOnAStaleVersionConflictsAndChangesNothing() {
    store.create(workspace("acme", 1, 1));
    store.update(workspace("acme", 5, 2));
    assertThatThrownBy(() -> store.update(workspace("acme", 9, 2))).isInstanceOf(ConflictException.class);
    assertThat(store.find("acme").orElseThrow().seatLimit()).isEqualTo(5);
  }
}
