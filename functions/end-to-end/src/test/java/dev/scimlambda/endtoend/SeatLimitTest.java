package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every active person holds one seat, and the workspace's seat limit is never exceeded. */
class SeatLimitTest {

  private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(Map.of());

  private static ApiResult create(IssuedConnection connection, String userName) {
    return directory.scim(connection, "POST", "/Users", DirectoryHarness.userJson(userName));
  }

  private static ApiResult setActive(IssuedConnection connection, String id, boolean active) {
    return directory.scim(connection, "PATCH", "/Users/" + id,
        PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]}");
  }

  private static long seatsUsed(String ws) {
    return directory.admin("GET", "/admin/v1/workspaces/" + ws).json().get("seats").get("used").asLong();
  }

  @Test
  void fiftyParallelCreatesWithTenSeatsLeftGiveExactlyTenSuccesses() {
    String ws = directory.newWorkspace(12);
    IssuedConnection okta = directory.newConnection(ws);
    create(okta, "first@example.com");
    create(okta, "second@example.com");
    ExecutorService idp = Executors.newFixedThreadPool(16);
    List<ApiResult> results;
    try {
      results = IntStream.range(0, 50)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> create(okta, "user" + i + "@example.com"), idp))
          .toList().stream().map(CompletableFuture::join).toList();
    } finally {
      idp.shutdown();
    }
    assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(10);
    assertThat(results.stream().filter(r -> r.status() == 403)).hasSize(40);
    assertThat(seatsUsed(ws)).isEqualTo(12);
  }

  @Test
  void aCreateBeyondTheLimitSaysSeatsAreExhaustedWithTheNumbers() {
    String ws = directory.newWorkspace(1);
    IssuedConnection okta = directory.newConnection(ws);
    create(okta, "ada@example.com");
    ApiResult refused = create(okta, "grace@example.com");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(refused.json().get("detail").asText()).contains("1 of 1 seats are in use");
  }

  @Test
  void deactivationFreesTheSeat() {
    String ws = directory.newWorkspace(1);
    IssuedConnection okta = directory.newConnection(ws);
    String ada = create(okta, "ada@example.com").json().get("id").asText();
    assertThat(setActive(okta, ada, false).status()).isEqualTo(200);
    assertThat(seatsUsed(ws)).isZero();
    assertThat(create(okta, "grace@example.com").status()).isEqualTo(201);
  }

  @Test
  void deletionFreesTheSeat() {
    String ws = directory.newWorkspace(1);
    IssuedConnection okta = directory.newConnection(ws);
    String ada = create(okta, "ada@example.com").json().get("id").asText();
    assertThat(directory.scim(okta, "DELETE", "/Users/" + ada, null).status()).isEqualTo(204);
    assertThat(create(okta, "grace@example.com").status()).isEqualTo(201);
  }

  @Test
  void aReactivationBeyondTheLimitIsRefusedAndLeavesTheUserInactive() {
    String ws = directory.newWorkspace(1);
    IssuedConnection okta = directory.newConnection(ws);
    String ada = create(okta, "ada@example.com").json().get("id").asText();
    setActive(okta, ada, false);
    create(okta, "grace@example.com");
    ApiResult refused = setActive(okta, ada, true);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(directory.scim(okta, "GET", "/Users/" + ada, null).json().get("active").asBoolean()).isFalse();
  }

  @Test
  void aDeactivatedUserCanBeCreatedWithoutASeat() {
    String ws = directory.newWorkspace(0);
    IssuedConnection okta = directory.newConnection(ws);
    ApiResult created = directory.scim(okta, "POST", "/Users",
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada\",\"active\":false}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(seatsUsed(ws)).isZero();
  }

  @Test
  void loweringTheLimitBelowUseSuspendsNobodyButBlocksNewSeatsUntilUseDrops() {
    String ws = directory.newWorkspace(3);
    IssuedConnection okta = directory.newConnection(ws);
    List<String> ids = IntStream.range(0, 3)
        .mapToObj(i -> create(okta, "u" + i + "@example.com").json().get("id").asText()).toList();
    directory.admin("PATCH", "/admin/v1/workspaces/" + ws, "{\"seatLimit\":1}");

    directory.admin("GET", "/admin/v1/workspaces/" + ws + "/users").json().get("users")
        .forEach(person -> assertThat(person.get("seat").asBoolean()).isTrue());
    assertThat(seatsUsed(ws)).isEqualTo(3);
    assertThat(create(okta, "new@example.com").status()).isEqualTo(403);
    setActive(okta, ids.get(0), false);
    setActive(okta, ids.get(1), false);
    assertThat(create(okta, "new@example.com").status()).isEqualTo(403);
    setActive(okta, ids.get(2), false);
    assertThat(create(okta, "new@example.com").status()).isEqualTo(201);
  }

  @Test
  void theWorkspaceShowsSeatsUsedAndTheLimit() {
    String ws = directory.newWorkspace(5);
    IssuedConnection okta = directory.newConnection(ws);
    create(okta, "ada@example.com");
    var seats = directory.admin("GET", "/admin/v1/workspaces/" + ws).json().get("seats");
    assertThat(seats.get("used").asLong()).isEqualTo(1);
    assertThat(seats.get("limit").asInt()).isEqualTo(5);
  }

  @Test
  void anSsoRegistrationBeyondTheLimitIsForbidden() {
    String ws = directory.newWorkspace(0);
    ApiResult refused = directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"ada@example.com\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.bodyText()).contains("0 of 0 seats are in use");
  }

  @Test
  void aPersonLinkedFromTwoConnectionsHoldsOneSeat() {
    String ws = directory.newWorkspace(1);
    IssuedConnection okta = directory.newConnection(ws);
    IssuedConnection entra = directory.newConnection(ws);
    assertThat(create(okta, "ada@example.com").status()).isEqualTo(201);
    assertThat(create(entra, "ada@example.com").status()).isEqualTo(201);
    assertThat(seatsUsed(ws)).isEqualTo(1);
  }
}
