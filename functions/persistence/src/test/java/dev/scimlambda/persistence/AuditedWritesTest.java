package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.audit.AuditEntry;
import dev.scimlambda.audit.AuditEntryExists;
import dev.scimlambda.audit.AuditedRequest;
import dev.scimlambda.mapping.CustomField;
import dev.scimlambda.mapping.FieldType;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.workspace.IdentitySettings;
import dev.scimlambda.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An admin change and its audit entry are one DynamoDB transaction (DynamoDB Local): both stand or
 * neither does, whether the change is a single item ({@link AuditedWrites}) or a store's own
 * transaction ({@link Transactions}), and an entry is written at most once.
 */
class AuditedWritesTest {

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private final Request request = new Request("ws1");
  private final TableAccess plain = TableFixture.newTable();
  private final TableAccess table = new TableAccess(plain.dynamo(), plain.tableName(), request);
  private final DynamoAuditTrail trail = new DynamoAuditTrail(plain);
  private final DynamoCustomFieldStore fields = new DynamoCustomFieldStore(table);

  /** One audited admin request: a fixed entry, offered until a transaction takes it. */
  static final class Request implements AuditedRequest {
    final AuditEntry entry;
    boolean written;

    Request(String workspaceId) {
      entry = new AuditEntry(workspaceId, UUID.randomUUID().toString(), Instant.now(), "alice", "create_field",
          "/admin/v1/workspaces/" + workspaceId + "/fields", "127.0.0.1", "test");
    }

    @Override
    public Optional<AuditEntry> unwritten(String createdWorkspaceId, String createdId) {
      return written ? Optional.empty() : Optional.of(entry);
    }

    @Override
    public void written(AuditEntry e) {
      written = true;
    }
  }

  private CustomField field(String key) {
    return new CustomField("ws1", key, "Cost center", FieldType.STRING, now);
  }

  private List<AuditEntry> entries(String workspaceId) {
    return trail.newestFirst(workspaceId, 100, null).entries();
  }

  @Test
  void aChangeAndItsEntryAreWrittenTogether() {
    fields.create(field("costCenter"));

    assertThat(new DynamoCustomFieldStore(plain).list("ws1")).extracting(CustomField::key).containsExactly("costCenter");
    assertThat(entries("ws1")).containsExactly(request.entry);
    assertThat(request.written).isTrue();
  }

  @Test
  void whenTheEntryCannotBeWrittenTheChangeIsNotMade() {
    trail.record(request.entry);

    assertThatThrownBy(() -> fields.create(field("costCenter"))).isInstanceOf(AuditEntryExists.class);
    assertThat(new DynamoCustomFieldStore(plain).list("ws1")).isEmpty();
    assertThat(entries("ws1")).containsExactly(request.entry);
  }

  @Test
  void whenTheChangesConditionFailsNoEntryIsWritten() {
    new DynamoCustomFieldStore(plain).create(field("costCenter"));

    assertThatThrownBy(() -> fields.create(field("costCenter"))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("already exists");
    assertThat(entries("ws1")).isEmpty();
    assertThat(request.written).isFalse();
  }

  @Test
  void deletingWhatIsNotThereWritesNoEntry() {
    assertThat(fields.delete("ws1", "costCenter")).isFalse();
    assertThat(entries("ws1")).isEmpty();
  }

  @Test
  void laterWritesOfTheSameRequestFindTheEntryWritten() {
    fields.create(field("costCenter"));
    fields.create(field("region"));

    assertThat(entries("ws1")).containsExactly(request.entry);
  }

  @Test
  void aStoresTransactionCarriesTheEntry() {
    Request creating = new Request("acme");
    DynamoWorkspaceStore workspaces = new DynamoWorkspaceStore(new TableAccess(plain.dynamo(), plain.tableName(), creating));

    workspaces.create(workspace("acme"));

    assertThat(new DynamoWorkspaceStore(plain).find("acme")).isPresent();
    assertThat(entries("acme")).containsExactly(creating.entry);
  }

  @Test
  void whenTheEntryCannotBeWrittenAStoresTransactionIsNotMade() {
    Request creating = new Request("acme");
    trail.record(creating.entry);
    DynamoWorkspaceStore workspaces = new DynamoWorkspaceStore(new TableAccess(plain.dynamo(), plain.tableName(), creating));

    assertThatThrownBy(() -> workspaces.create(workspace("acme"))).isInstanceOf(AuditEntryExists.class);
    assertThat(new DynamoWorkspaceStore(plain).find("acme")).isEmpty();
  }

  @Test
  void whenAStoresTransactionFailsItsConditionNoEntryIsWritten() {
    new DynamoWorkspaceStore(plain).create(workspace("acme"));
    Request creating = new Request("acme");
    DynamoWorkspaceStore workspaces = new DynamoWorkspaceStore(new TableAccess(plain.dynamo(), plain.tableName(), creating));

    assertThatThrownBy(() -> workspaces.create(workspace("acme"))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("already exists");
    assertThat(entries("acme")).isEmpty();
  }

  @Test
  void recordingAnEntryTwiceKeepsOne() {
    trail.record(request.entry);
    trail.record(request.entry);

    assertThat(entries("ws1")).containsExactly(request.entry);
  }

  private Workspace workspace(String id) {
    return new Workspace(id, "Acme", 10, new IdentitySettings(Duration.ofHours(8), now, false), now, now, 1);
  }
}
