package dev.scimlambda.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.Contention;
import dev.scimlambda.problem.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkspacesTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  /** A store that keeps workspaces in a map and can be told to lose the next N races. */
  private static final class MapStore implements WorkspaceStore {
    final Map<String, Workspace> items = new HashMap<>();
    int conflictsToRaise;

    @Override
    public void create(Workspace w) {
      if (items.putIfAbsent(w.id(), w) != null) {
        throw new ConflictException("taken");
      }
    }

    @Override
    public Optional<Workspace> find(String id) {
      return Optional.ofNullable(items.get(id));
    }

    @Override
    public List<Workspace> list() {
      return new ArrayList<>(items.values());
    }

    @Override
    public void update(Workspace updated) {
      if (conflictsToRaise-- > 0) {
        throw new ConflictException("raced");
      }
      items.put(updated.id(), updated);
    }
  }

  private final MapStore store = new MapStore();
  private final Workspaces workspaces = new Workspaces(store, Clock.fixed(NOW, ZoneOffset.UTC));

  private static WorkspaceChanges changes(Optional<Duration> session, boolean forceReauth) {
    return new WorkspaceChanges(Optional.empty(), Optional.empty(), session, Optional.empty(), forceReauth);
  }

  @Test
  void aGeneratedIdIsValidAndUnique() {
    String a = workspaces.create(Optional.empty(), "A", null).id();
    String b = workspaces.create(Optional.empty(), "B", null).id();
    assertThat(a).matches("ws-[a-z0-9]{10}").isNotEqualTo(b);
  }

  @Test
  void theNameIsTrimmed() {
    assertThat(workspaces.create(Optional.of("acme"), "  Acme  ", null).name()).isEqualTo("Acme");
  }

  @Test
  void aBlankNameIsRejectedNamingTheField() {
    assertThatThrownBy(() -> workspaces.create(Optional.empty(), " ", null))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("name");
  }

  @Test
  void ensureDefaultCreatesTheDefaultWorkspaceOnce() {
    Workspace first = workspaces.ensureDefault();
    Workspace second = workspaces.ensureDefault();
    assertThat(first.id()).isEqualTo("default");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void forcingReauthenticationStampsTheCurrentTime() {
    workspaces.create(Optional.of("acme"), "Acme", null);
    Workspace changed = workspaces.change("acme", changes(Optional.empty(), true));
    assertThat(changed.identitySettings().sessionsValidAfter()).isEqualTo(NOW);
  }

  @Test
  void aChangeRetriesAfterLosingARace() {
    workspaces.create(Optional.of("acme"), "Acme", null);
    store.conflictsToRaise = 2;
    Workspace changed = workspaces.change("acme", changes(Optional.of(Duration.ofHours(8)), false));
    assertThat(store.items.get("acme").identitySettings().sessionDuration()).isEqualTo(Duration.ofHours(8));
    assertThat(changed.version()).isEqualTo(2);
  }

  @Test
  void aChangeThatKeepsLosingRacesIsContentionNotAConflict() {
    workspaces.create(Optional.of("acme"), "Acme", null);
    store.conflictsToRaise = 3;
    assertThatThrownBy(() -> workspaces.change("acme", changes(Optional.of(Duration.ofHours(8)), false)))
        .isInstanceOf(Contention.class);
  }
}
