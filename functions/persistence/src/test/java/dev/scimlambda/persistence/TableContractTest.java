package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.IdpType;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.table.TableDefinition;
import java.util.Set;
import dev.scimlambda.workspace.IdentitySettings;
import dev.scimlambda.workspace.Workspace;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The stores and the table definition agree on key names, and the stores call only granted actions. */
class TableContractTest {

  @Test
  void keyNamesMatchTheTableDefinition() {
    TableDefinition table = TableDefinition.load();
    assertThat(table.partitionKey()).isEqualTo(KeySchema.PK);
    assertThat(table.sortKey()).isEqualTo(KeySchema.SK);
    assertThat(table.timeToLiveAttribute()).isEqualTo(KeySchema.EXPIRES_AT);
    TableDefinition.Index gsi1 = table.globalSecondaryIndexes().get(0);
    assertThat(gsi1.name()).isEqualTo(KeySchema.GSI1);
    assertThat(gsi1.partitionKey()).isEqualTo(KeySchema.GSI1_PK);
    assertThat(gsi1.sortKey()).isEqualTo(KeySchema.GSI1_SK);
  }

  @Test
  void everyOperationTheStoresCallIsDeclaredForIam() {
    TableAccess table = TableFixture.newTable();
    Instant now = Instant.now();
    DynamoWorkspaceStore workspaces = new DynamoWorkspaceStore(table);
    Workspace workspace = new Workspace("acme", "Acme", null, IdentitySettings.defaults(), now, now, 1);
    workspaces.create(workspace);
    workspaces.find("acme");
    workspaces.list();
    workspaces.update(new Workspace("acme", "Acme 2", 3, IdentitySettings.defaults(), now, now, 2));
    DynamoConnectionStore connections = new DynamoConnectionStore(table);
    connections.create(new Connection("c1", "acme", "Okta", IdpType.OKTA, "v1", null, null, now, null, null));
    connections.find("c1");
    connections.listByWorkspace("acme");
    connections.rotateSecret("c1", "v1", "v2", now);
    connections.touch("c1", now);
    connections.markDeleted("c1", now);
    DynamoUserStore users = new DynamoUserStore(table);
    ScimUser ada = new ScimUser("c1", "u1", ScimJson.MAPPER.createObjectNode(), "ada", "e1", Set.of("a@x"), true, now, now, 1);
    users.create(ada);
    ScimUser renamed = new ScimUser("c1", "u1", ScimJson.MAPPER.createObjectNode(), "ada2", null, Set.of(), true, now, now, 2);
    users.replace(ada, renamed);
    users.findId("c1", UserStore.LookupKey.USER_NAME, "ada2");
    users.findIdsByEmail("c1", "a@x");
    users.page("c1", null, 10);
    users.count("c1");
    users.delete(renamed);

    assertThat(TableFixture.CALLED_ACTIONS).isNotEmpty();
    assertThat(TableAccess.IAM_ACTIONS).containsAll(TableFixture.CALLED_ACTIONS);
  }
}
