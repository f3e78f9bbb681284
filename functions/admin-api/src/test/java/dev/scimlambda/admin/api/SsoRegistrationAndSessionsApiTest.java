package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.DynamoFaults;
import dev.scimlambda.testing.TestStack;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The host app's SSO registration and forced re-authentication, as docs/admin-api.md documents them. */
class SsoRegistrationAndSessionsApiTest {

  static TestStack stack;
  static AdminApiHandler handler;

  @BeforeAll
  static void startStack() {
    stack = TestStack.start(Map.of(DynamoFaults.PROPERTY, "true"));
    handler = new AdminApiHandler(stack.context());
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  private static ApiResult call(String method, String path, String json) {
    return ApiCall.of(method, path).bearer(TestStack.ADMIN_TOKEN).json(json).invoke(handler);
  }

  private static String newWorkspace() {
    return call("POST", "/admin/v1/workspaces", "{\"name\":\"Acme\"}").json().get("id").asText();
  }

  private static ApiResult register(String ws, String email) {
    return call("POST", "/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"" + email + "\",\"source\":\"sso\"}");
  }

  @Test
  void registeringAnAddressWithoutADomainIsA400NamingTheRule() {
    ApiResult refused = register(newWorkspace(), "a@");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").get("field").asText()).isEqualTo("email");
    assertThat(refused.json().get("error").get("message").asText()).contains("such as ada@example.com");
  }

  @Test
  void registeringAnAddressWithoutALocalPartIsA400() {
    assertThat(register(newWorkspace(), "@example.com").status()).isEqualTo(400);
  }

  @Test
  void registeringAnAddressWithADotlessDomainIsA400() {
    assertThat(register(newWorkspace(), "ada@localhost").status()).isEqualTo(400);
  }

  @Test
  void registeringAnAddressIsCreatedTrimmed() {
    ApiResult created = register(newWorkspace(), " ada@example.com ");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("email").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void revokingSessionsNeedsNoBody() {
    String ws = newWorkspace();
    ApiResult revoked = ApiCall.of("POST", "/admin/v1/workspaces/" + ws + "/sessions/revoke")
        .bearer(TestStack.ADMIN_TOKEN).invoke(handler);
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    assertThat(revoked.json().get("identitySettings").get("sessionsValidAfter").isNull()).isFalse();
  }

  @Test
  void revokingSessionsWithAnEmptyJsonBodyStillWorks() {
    assertThat(call("POST", "/admin/v1/workspaces/" + newWorkspace() + "/sessions/revoke", "{}").status())
        .isEqualTo(200);
  }

  @Test
  void aRegistrationThatKeepsLosingToConcurrentWritersIs429WithRetryAfter() throws Exception {
    String ws = newWorkspace();
    ApiResult result;
    try (AutoCloseable conflicts = DynamoFaults.inject(request -> request instanceof TransactWriteItemsRequest
        ? TransactionCanceledException.builder().message("Transaction cancelled")
            .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build()).build()
        : null)) {
      result = register(ws, "grace@example.com");
    }
    assertThat(result.status()).isEqualTo(429);
    assertThat(result.header("Retry-After")).isEqualTo("1");
    assertThat(result.json().get("error").get("code").asText()).isEqualTo("too_many_requests");
    assertThat(register(ws, "grace@example.com").status()).isEqualTo(201);
  }

  @Test
  void aThrottledReadIs429WithRetryAfter() throws Exception {
    String ws = newWorkspace();
    ApiResult result;
    try (AutoCloseable throttled = DynamoFaults.inject(request ->
        request instanceof GetItemRequest get && get.key().get("sk").s().equals("SEATS")
            ? ProvisionedThroughputExceededException.builder().statusCode(400).message("throttled")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                .build()
            : null)) {
      result = ApiCall.of("GET", "/admin/v1/workspaces/" + ws).bearer(TestStack.ADMIN_TOKEN).invoke(handler);
    }
    assertThat(result.status()).isEqualTo(429);
    assertThat(result.header("Retry-After")).isEqualTo("5");
    assertThat(result.json().get("error").get("status").asInt()).isEqualTo(429);
  }
}
