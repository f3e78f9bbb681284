package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.deprovisioning.WorkspacePurge;
import dev.scimlambda.deprovisioning.WorkspacePurgeStore;
import dev.scimlambda.events.WebhookStore;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code DELETE /admin/v1/workspaces/{ws}}: tokens refused at once, then every item and secret gone. */
class WorkspacePurgeTest {

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of());
  private String ws;
  private IssuedConnection okta;
  private IssuedConnection azure;
  private String webhookId;

  @BeforeEach
  void aWorkspaceWithPeopleGroupsAndAWebhook() {
    ws = directory.newWorkspace(10);
    okta = directory.newConnection(ws);
    azure = directory.newConnection(ws, "azure");
    String ada = directory.createUser(okta, "ada@example.com");
    String grace = directory.createUser(okta, "grace@example.com");
    directory.createUser(azure, "ada@example.com");
    directory.createGroup(okta, "Engineering", List.of(ada, grace));
    directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"alan@example.com\",\"source\":\"sso\"}");
    directory.admin("PUT", "/admin/v1/workspaces/" + ws + "/webhook",
        "{\"url\":\"https://hooks.example.com/scim\",\"enabled\":false}");
    webhookId = bean(WebhookStore.class).find(ws).orElseThrow().id();
    directory.converge();
    assertThat(itemsOfTheWorkspace()).isNotEmpty();
  }

  private <T> T bean(Class<T> type) {
    return directory.stack.context().getBean(type);
  }

  /** Every item whose key names the workspace or one of its connections. */
  private List<String> itemsOfTheWorkspace() {
    List<String> keys = new ArrayList<>();
    try (var dynamo = directory.stack.database().client()) {
      dynamo.scanPaginator(b -> b.tableName(directory.stack.tableName())).items().forEach(item -> {
        String key = item.get("pk").s() + " " + item.get("sk").s();
        if (names(item, ws) || names(item, okta.connection().id()) || names(item, azure.connection().id())) {
          keys.add(key);
        }
      });
    }
    return keys;
  }

  private static boolean names(Map<String, AttributeValue> item, String id) {
    return item.get("pk").s().contains(id) || item.get("sk").s().contains(id);
  }

  private int purge() {
    return directory.admin("DELETE", "/admin/v1/workspaces/" + ws).status();
  }

  @Test
  void purgingAWorkspaceLeavesNoItemOfItsOwn() {
    assertThat(purge()).isEqualTo(204);

    assertThat(itemsOfTheWorkspace()).isEmpty();
    assertThat(directory.admin("GET", "/admin/v1/workspaces/" + ws).status()).isEqualTo(404);
    directory.converge();
    assertThat(itemsOfTheWorkspace()).isEmpty();
  }

  @Test
  void purgingAWorkspaceDeletesItsConnectionAndWebhookSecrets() {
    purge();

    SecretStore secrets = bean(SecretStore.class);
    SecretNames names = bean(SecretNames.class);
    assertThat(secrets.current(names.connection(okta.connection().id()))).isEmpty();
    assertThat(secrets.current(names.connection(azure.connection().id()))).isEmpty();
    assertThat(secrets.current(names.webhook(ws, webhookId))).isEmpty();
  }

  @Test
  void theConnectionTokensAreRefusedBeforeAnyItemIsPurged() {
    WorkspacePurgeStore nothingYet = (workspaceId, connectionIds, limit) -> new WorkspacePurgeStore.PurgePage(0, false);
    purgeWith(nothingYet, Duration.ZERO, 1).purge(ws);

    assertThat(directory.scim(okta, "GET", "/Users", null).status()).isEqualTo(401);
    assertThat(directory.scim(azure, "GET", "/Users", null).status()).isEqualTo(401);
  }

  @Test
  void aPurgeCutShortGoesOnWhereItStoppedOnTheNextCall() {
    WorkspacePurge pageAtATime = purgeWith(bean(WorkspacePurgeStore.class), Duration.ZERO, 3);
    int calls = 1;
    while (!pageAtATime.purge(ws).finished()) {
      calls++;
      assertThat(itemsOfTheWorkspace()).isNotEmpty();
    }

    assertThat(calls).isGreaterThan(5);
    assertThat(itemsOfTheWorkspace()).isEmpty();
  }

  @Test
  void purgingAnUnknownWorkspaceAnswers404() {
    assertThat(directory.admin("DELETE", "/admin/v1/workspaces/nosuchworkspace").status()).isEqualTo(404);
  }

  @Test
  void purgingAWorkspaceTwiceAnswers404TheSecondTime() {
    purge();

    assertThat(purge()).isEqualTo(404);
  }

  private WorkspacePurge purgeWith(WorkspacePurgeStore store, Duration budget, int pageSize) {
    return new WorkspacePurge(bean(Workspaces.class), bean(ConnectionStore.class), bean(SecretStore.class),
        bean(SecretNames.class), bean(WebhookStore.class), store, Clock.systemUTC(), budget, pageSize);
  }
}
