package dev.scimlambda.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.scimlambda.directorysync.DirectorySyncConnections;
import dev.scimlambda.directorysync.SyncKind;
import dev.scimlambda.directorysync.SyncRun;
import dev.scimlambda.scim.users.UserStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A large Microsoft Graph directory paged as Graph pages it, on a DynamoDB Local of its own (its
 * stream records would slow every other class's stream reads, see {@link DirectoryHarness#isolated}).
 */
class MicrosoftGraphLargeDirectoryTest {

  @RegisterExtension
  static final DirectoryHarness directory = DirectoryHarness.isolated(Map.of());
  private static final WireMockServer graph = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @BeforeAll
  static void startGraph() {
    graph.start();
    graph.stubFor(post(urlPathEqualTo("/login/contoso.onmicrosoft.com/oauth2/v2.0/token")).willReturn(okJson(
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"stub-access-token\"}")));
  }

  @AfterAll
  static void stopGraph() {
    graph.stop();
  }

  /**
   * A directory over ten pages and one group naming everyone in two pieces, as Graph splits a large
   * group's members@delta over pages; then an incremental pass of 100 changed people. 2,000 people in
   * pages of 200 by default: paging, checkpoints and the split group are what is tested, and they do
   * not change with the size. The size is measured with {@code -Dgraph.people=10000 -Dgraph.page=999}
   * (Graph's largest page), which prints the run time and the engine's DynamoDB capacity, the figures
   * of docs/performance.md's Directory Sync row (printed, not asserted: timing belongs to measurements).
   */
  @Test
  void everyoneOverManyPagesIsProvisionedOnceAndAHundredChangesAreApplied() {
    int people = Integer.getInteger("graph.people", 2_000);
    int page = Integer.getInteger("graph.page", 200);
    int pages = (people + page - 1) / page;
    for (int p = 0; p < pages; p++) {
      StringBuilder body = new StringBuilder("{\"value\":[");
      for (int i = p * page; i < Math.min(people, (p + 1) * page); i++) {
        body.append(i == p * page ? "" : ",").append(bulkUser(i, "Engineer"));
      }
      body.append("],").append(p + 1 < pages
          ? "\"@odata.nextLink\":\"" + graph.baseUrl() + "/v1.0/users/delta?$skiptoken=bulk-" + (p + 1) + "\"}"
          : "\"@odata.deltaLink\":\"" + graph.baseUrl() + "/v1.0/users/delta?$deltatoken=bulk-delta\"}");
      var stub = p == 0
          ? get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", absent()).withQueryParam("$deltatoken", absent())
          : get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$skiptoken", equalTo("bulk-" + p));
      graph.stubFor(stub.willReturn(okJson(body.toString())));
    }
    graph.stubFor(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$deltatoken", absent())
        .withQueryParam("$skiptoken", absent()).willReturn(okJson(bulkGroup(0, people / 2,
            "\"@odata.nextLink\":\"" + graph.baseUrl() + "/v1.0/groups/delta?$skiptoken=bulk-2\""))));
    graph.stubFor(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$skiptoken", equalTo("bulk-2"))
        .willReturn(okJson(bulkGroup(people / 2, people,
            "\"@odata.deltaLink\":\"" + graph.baseUrl() + "/v1.0/groups/delta?$deltatoken=bulk-delta\""))));
    StringBuilder changes = new StringBuilder("{\"value\":[");
    for (int i = 0; i < 100; i++) {
      changes.append(i == 0 ? "" : ",").append(bulkUser(i * (people / 100), "Staff engineer"));
    }
    changes.append("],\"@odata.deltaLink\":\"" + graph.baseUrl() + "/v1.0/users/delta?$deltatoken=bulk-delta-2\"}");
    graph.stubFor(get(urlPathEqualTo("/v1.0/users/delta")).withQueryParam("$deltatoken", equalTo("bulk-delta"))
        .willReturn(okJson(changes.toString())));
    graph.stubFor(get(urlPathEqualTo("/v1.0/groups/delta")).withQueryParam("$deltatoken", equalTo("bulk-delta"))
        .willReturn(okJson("{\"value\":[],\"@odata.deltaLink\":\"" + graph.baseUrl()
            + "/v1.0/groups/delta?$deltatoken=bulk-delta-2\"}")));
    String workspace = directory.newWorkspace(null);
    PullHarness pull = new PullHarness(directory, graph.baseUrl());
    DirectorySyncConnections.PullConnection created = pull.graphConnection(workspace);
    String connectionId = created.connection().id();

    long started = System.nanoTime();
    SyncRun first = pull.engineRunToEnd(connectionId, created.lastRun().id());
    long firstMillis = (System.nanoTime() - started) / 1_000_000;
    var firstCapacity = pull.capacity.reset();
    started = System.nanoTime();
    SyncRun incremental = pull.engineRunToEnd(connectionId,
        pull.connections.syncNow(workspace, connectionId, false).id());
    long incrementalMillis = (System.nanoTime() - started) / 1_000_000;
    var incrementalCapacity = pull.capacity.reset();
    System.out.printf("directory sync, %,d users first sync: %d ms, %.0f RCU, %.0f WCU; "
        + "incremental 100 changes: %d ms, %.0f RCU, %.0f WCU%n", people, firstMillis, firstCapacity.read(),
        firstCapacity.write(), incrementalMillis, incrementalCapacity.read(), incrementalCapacity.write());

    assertThat(first.counts()).isEqualTo(new SyncRun.Counts(people, 0, 0, 0));
    assertThat(incremental.kind()).isEqualTo(SyncKind.INCREMENTAL);
    assertThat(incremental.counts()).isEqualTo(new SyncRun.Counts(0, 100, 0, 0));
    UserStore users = directory.stack.context().getBean(UserStore.class);
    int stored = 0;
    String after = null;
    do {
      UserStore.UserPage scimUsers = users.page(connectionId, after, 1_000);
      stored += scimUsers.users().size();
      after = scimUsers.lastId();
    } while (after != null);
    assertThat(stored).isEqualTo(people);
    assertThat(directory.stack.context().getBean(dev.scimlambda.scim.groups.GroupStore.class)
        .countMembers(connectionId, pull.store.groups(connectionId, List.of("bulk-group")).get("bulk-group").scimId()))
        .isEqualTo(people);
  }

  private static String bulkUser(int i, String title) {
    return "{\"id\":\"bulk-" + i + "\",\"userPrincipalName\":\"person" + i + "@contoso.onmicrosoft.com\","
        + "\"givenName\":\"Person\",\"surname\":\"" + i + "\",\"displayName\":\"Person " + i + "\","
        + "\"mail\":\"person" + i + "@contoso.com\",\"accountEnabled\":true,\"jobTitle\":\"" + title + "\"}";
  }

  private static String bulkGroup(int from, int to, String link) {
    StringBuilder members = new StringBuilder();
    for (int i = from; i < to; i++) {
      members.append(i == from ? "" : ",").append("{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"bulk-")
          .append(i).append("\"}");
    }
    return "{\"value\":[{\"id\":\"bulk-group\",\"displayName\":\"All staff\",\"members@delta\":[" + members
        + "]}]," + link + "}";
  }
}
