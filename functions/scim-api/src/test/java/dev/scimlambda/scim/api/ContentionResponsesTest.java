package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.DynamoFaults;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A request that loses to concurrent writers after every retry, or that DynamoDB throttles, answers
 * 429 with Retry-After and a SCIM error: the same request succeeds later. 409 stays for uniqueness.
 * The faults are injected into the function's DynamoDB client ({@link DynamoFaults}), as DynamoDB
 * raises them.
 */
class ContentionResponsesTest {

  private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

  static TestStack stack;
  static ScimApiHandler handler;
  static IssuedConnection okta;

  @BeforeAll
  static void startStack() {
    stack = TestStack.start(Map.of(DynamoFaults.PROPERTY, "true"));
    handler = new ScimApiHandler(stack.context());
    stack.context().getBean(Workspaces.class).ensureDefault();
    okta = stack.context().getBean(Connections.class).create("default", "Okta production", "okta");
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  private static ApiResult call(String method, String path, String json) {
    ApiCall call = ApiCall.of(method, "/scim/v2/" + okta.connection().id() + path).bearer(okta.bearerToken());
    if (json != null) {
      call.body("application/scim+json", json);
    }
    return call.invoke(handler);
  }

  private static String userJson(String userName) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}";
  }

  private static String createUser(String userName) {
    ApiResult created = call("POST", "/Users", userJson(userName));
    assertThat(created.status()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** Runs {@code request} while every request {@code fault} names fails. */
  private static ApiResult with(Function<Object, RuntimeException> fault, Supplier<ApiResult> request) {
    try (AutoCloseable injected = DynamoFaults.inject(fault)) {
      return request.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Function<Object, RuntimeException> transactions(Supplier<RuntimeException> failure) {
    return request -> request instanceof TransactWriteItemsRequest ? failure.get() : null;
  }

  /** A read of one SCIM user (not the connection's or the workspace's items, so authentication passes). */
  private static Function<Object, RuntimeException> userReads(Supplier<RuntimeException> failure) {
    return request -> request instanceof GetItemRequest get && get.key().get("sk").s().startsWith("USER#")
        ? failure.get() : null;
  }

  private static TransactionCanceledException cancelled(String reason) {
    return TransactionCanceledException.builder()
        .message("Transaction cancelled")
        .cancellationReasons(CancellationReason.builder().code(reason).build(),
            CancellationReason.builder().code("None").build())
        .build();
  }

  /** As the SDK builds a DynamoDB error from the response: status and error code. */
  private static RuntimeException dynamoError(DynamoDbException.Builder builder, int status, String code) {
    return builder.statusCode(status).message(code)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).serviceName("DynamoDb").build())
        .build();
  }

  private static void assertRetryLater(ApiResult result, String retryAfter) {
    assertThat(result.status()).as(result.toString()).isEqualTo(429);
    assertThat(result.header("Retry-After")).isEqualTo(retryAfter);
    assertThat(result.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(result.json().get("status").asText()).isEqualTo("429");
    assertThat(result.json().has("scimType")).isFalse();
    assertThat(result.json().get("detail").asText()).contains("retry");
  }

  @Test
  void aPatchThatKeepsLosingToConcurrentTransactionsAnswers429WithRetryAfter() {
    String id = createUser("ada");
    // A userName change moves its guard, so the write is a transaction (a displayName change is one conditional put).
    ApiResult result = with(transactions(() -> cancelled("TransactionConflict")), () -> call("PATCH", "/Users/" + id,
        PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"userName\":\"ada.lovelace\"}}]}"));
    assertRetryLater(result, "1");
  }

  @Test
  void aCreateThatKeepsLosingToConcurrentTransactionsAnswers429AndCreatesNothing() {
    ApiResult result = with(transactions(() -> cancelled("TransactionConflict")),
        () -> call("POST", "/Users", userJson("grace")));
    assertRetryLater(result, "1");
    assertThat(call("GET", "/Users?filter=userName%20eq%20%22grace%22", null).json().get("totalResults").asInt()).isZero();
  }

  @Test
  void theSameRequestSucceedsOnceTheContentionIsOver() {
    String id = createUser("alan");
    String patch = PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"userName\":\"alan.turing\"}}]}";
    assertThat(with(transactions(() -> cancelled("TransactionConflict")), () -> call("PATCH", "/Users/" + id, patch))
        .status()).isEqualTo(429);
    assertThat(call("PATCH", "/Users/" + id, patch).status()).isEqualTo(200);
  }

  @Test
  void aTakenUserNameStillAnswers409Uniqueness() {
    createUser("barbara");
    ApiResult again = call("POST", "/Users", userJson("barbara"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("scimType").asText()).isEqualTo("uniqueness");
  }

  @Test
  void anIfMatchOnAnOlderVersionStillAnswers412() {
    String id = createUser("edsger");
    ApiResult result = ApiCall.of("PATCH", "/scim/v2/" + okta.connection().id() + "/Users/" + id)
        .bearer(okta.bearerToken())
        .header("If-Match", "W/\"0\"")
        .body("application/scim+json", PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"E\"}}]}")
        .invoke(handler);
    assertThat(result.status()).isEqualTo(412);
  }

  @Test
  void provisionedThroughputExceededAnswers429WithRetryAfter() {
    String id = createUser("donald");
    ApiResult result = with(userReads(() -> dynamoError(ProvisionedThroughputExceededException.builder(), 400,
        "ProvisionedThroughputExceededException")), () -> call("GET", "/Users/" + id, null));
    assertRetryLater(result, "5");
  }

  @Test
  void requestLimitExceededAnswers429WithRetryAfter() {
    ApiResult result = with(transactions(() -> dynamoError(RequestLimitExceededException.builder(), 400,
        "RequestLimitExceeded")), () -> call("POST", "/Users", userJson("john")));
    assertRetryLater(result, "5");
  }

  @Test
  void aThrottlingExceptionAnswers429WithRetryAfter() {
    String id = createUser("frances");
    ApiResult result = with(userReads(() -> dynamoError(DynamoDbException.builder(), 400, "ThrottlingException")),
        () -> call("DELETE", "/Users/" + id, null));
    assertRetryLater(result, "5");
  }

  @Test
  void aTransactionCancelledForThrottlingAnswers429WithRetryAfter() {
    ApiResult result = with(transactions(() -> cancelled("ThrottlingError")),
        () -> call("POST", "/Users", userJson("barbara.liskov")));
    assertRetryLater(result, "5");
  }

  @Test
  void anotherDynamoDbErrorIsStillA500() {
    String id = createUser("leslie");
    ApiResult result = with(userReads(() -> dynamoError(DynamoDbException.builder(), 500, "InternalServerError")),
        () -> call("GET", "/Users/" + id, null));
    assertThat(result.status()).isEqualTo(500);
    assertThat(result.header("Retry-After")).isNull();
  }

  @Test
  void inABulkOnlyTheOperationThatKeptLosingSaysRetry() {
    String id = createUser("niklaus");
    String bulk = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
        + "{\"method\":\"PATCH\",\"path\":\"/Users/" + id + "\",\"data\":" + PATCH_OP
        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"userName\":\"niklaus.wirth\"}}]}}]}";
    ApiResult result = with(transactions(() -> cancelled("TransactionConflict")), () -> call("POST", "/Bulk", bulk));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.json().get("Operations").get(0).get("status").asText()).isEqualTo("429");
  }
}
