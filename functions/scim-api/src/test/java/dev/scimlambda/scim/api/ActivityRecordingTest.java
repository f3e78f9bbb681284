package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scimlambda.activity.ActivityEntry;
import dev.scimlambda.activity.ActivityLog;
import dev.scimlambda.activity.ActivityStore;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every authenticated SCIM request leaves one entry in its connection's activity log. */
class ActivityRecordingTest extends ScimTestConnections {

  private static final String OKTA = "Okta SCIM Client 1.0.0";

  private static List<ActivityEntry> activity(IssuedConnection connection) {
    return stack.context().getBean(ActivityLog.class)
        .page("default", connection.connection().id(), null, null, null).entries();
  }

  private static ApiResult send(IssuedConnection connection, String method, String path, String json) {
    ApiCall call = ApiCall.of(method, "/scim/v2/" + connection.connection().id() + path)
        .bearer(connection.bearerToken()).header("User-Agent", OKTA);
    if (json != null) {
      call.body("application/scim+json", json);
    }
    return call.invoke(handler);
  }

  @Test
  void aCreateIsRecordedWithItsOperationResourceOutcomeAndTheIdpsUserAgent() {
    IssuedConnection connection = newConnection();
    ApiResult created = send(connection, "POST", "/Users", userJson("ada@example.com"));
    ActivityEntry entry = activity(connection).get(0);
    assertThat(entry.operation()).isEqualTo("create User");
    assertThat(entry.method()).isEqualTo("POST");
    assertThat(entry.resourceType()).isEqualTo("User");
    assertThat(entry.resourceId()).isEqualTo(created.json().get("id").asText());
    assertThat(entry.status()).isEqualTo(201);
    assertThat(entry.outcome()).isEqualTo("success");
    assertThat(entry.resourceVersion()).isEqualTo(1L);
    assertThat(entry.userAgent()).isEqualTo(OKTA);
    assertThat(entry.requestId()).isNotBlank();
    assertThat(entry.latencyMs()).isNotNegative();
  }

  @Test
  void aFailedCreateIsRecordedWithItsStatusScimTypeAndDetail() {
    IssuedConnection connection = newConnection();
    send(connection, "POST", "/Users", userJson("ada@example.com"));
    ApiResult conflict = send(connection, "POST", "/Users", userJson("ADA@example.com"));
    assertThat(conflict.status()).isEqualTo(409);
    ActivityEntry entry = activity(connection).get(0);
    assertThat(entry.operation()).isEqualTo("create User");
    assertThat(entry.status()).isEqualTo(409);
    assertThat(entry.outcome()).isEqualTo("failure");
    assertThat(entry.scimType()).isEqualTo("uniqueness");
    assertThat(entry.detail()).isEqualTo("A user with this userName already exists");
    assertThat(entry.resourceId()).isNull();
    assertThat(entry.resourceVersion()).isNull();
  }

  @Test
  void readsAndPatchesAreNamedByWhatTheyDid() {
    IssuedConnection connection = newConnection();
    String id = createUser(connection, userJson("ada@example.com"));
    send(connection, "GET", "/Users?filter=userName%20eq%20%22ada@example.com%22", null);
    send(connection, "PATCH", "/Users/" + id, """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
    send(connection, "GET", "/Groups/unknown", null);
    send(connection, "GET", "/ServiceProviderConfig", null);
    assertThat(activity(connection)).extracting(ActivityEntry::operation, ActivityEntry::status)
        .containsExactly(
            tuple("get ServiceProviderConfig", 200),
            tuple("get Group", 404),
            tuple("patch User", 200),
            tuple("list Users", 200),
            tuple("create User", 201));
  }

  @Test
  void aValueQuotedInAnErrorDetailIsMasked() {
    IssuedConnection connection = newConnection();
    ApiResult bad = send(connection, "GET", "/Users?attributes=ada@example.com", null);
    assertThat(bad.status()).isEqualTo(400);
    ActivityEntry entry = activity(connection).get(0);
    assertThat(entry.status()).isEqualTo(400);
    assertThat(entry.detail()).isEqualTo("Not an attribute path: \"***\".");
  }

  @Test
  void aBulkRequestIsOneEntryCountingTheOperationsThatFailed() {
    IssuedConnection connection = newConnection();
    send(connection, "POST", "/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
        + "\"Operations\":[{\"method\":\"POST\",\"bulkId\":\"a\",\"path\":\"/Users\",\"data\":" + userJson("ada") + "},"
        + "{\"method\":\"POST\",\"bulkId\":\"b\",\"path\":\"/Users\",\"data\":" + userJson("ada") + "}]}");
    assertThat(activity(connection)).singleElement().satisfies(entry -> {
      assertThat(entry.operation()).isEqualTo("bulk");
      assertThat(entry.status()).isEqualTo(200);
      assertThat(entry.detail()).isEqualTo("1 of 2 operations failed");
    });
  }

  @Test
  void anUnauthenticatedRequestIsNotRecorded() {
    IssuedConnection connection = newConnection();
    ApiResult refused = ApiCall.of("GET", "/scim/v2/" + connection.connection().id() + "/Users").bearer("scim_wrong")
        .invoke(handler);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(activity(connection)).isEmpty();
  }

  @Test
  void anEntryExpiresAfterTheConfiguredRetention() {
    try (TestStack shortLived = TestStack.start(Map.of(Setting.ACTIVITY_RETENTION_DAYS.property(), "7"))) {
      shortLived.context().getBean(Workspaces.class).ensureDefault();
      IssuedConnection connection = shortLived.context().getBean(Connections.class).create("default", "Okta", "okta");
      ScimApiHandler scim = new ScimApiHandler(shortLived.context());
      ApiCall.of("GET", "/scim/v2/" + connection.connection().id() + "/Schemas").bearer(connection.bearerToken())
          .invoke(scim);
      Map<String, AttributeValue> item = onlyActivityItem(shortLived, connection);
      Instant at = Instant.parse(item.get("at").s());
      assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(at.plus(Duration.ofDays(7)).getEpochSecond());
    }
  }

  @Test
  void whenTheActivityStoreFailsTheScimRequestStillSucceeds() {
    try (TestStack failing = TestStack.start(Map.of(FailingActivityStore.PROPERTY, "true"))) {
      assertThat(failing.context().getBean(ActivityStore.class)).isInstanceOf(FailingActivityStore.class);
      failing.context().getBean(Workspaces.class).ensureDefault();
      IssuedConnection connection = failing.context().getBean(Connections.class).create("default", "Okta", "okta");
      ScimApiHandler scim = new ScimApiHandler(failing.context());
      String base = "/scim/v2/" + connection.connection().id();
      ApiResult created = ApiCall.of("POST", base + "/Users").bearer(connection.bearerToken())
          .body("application/scim+json", userJson("ada@example.com")).invoke(scim);
      assertThat(created.status()).isEqualTo(201);
      ApiResult read = ApiCall.of("GET", base + "/Users/" + created.json().get("id").asText())
          .bearer(connection.bearerToken()).invoke(scim);
      assertThat(read.status()).isEqualTo(200);
    }
  }

  private static Map<String, AttributeValue> onlyActivityItem(TestStack stack, IssuedConnection connection) {
    try (DynamoDbClient dynamo = stack.database().client()) {
      List<Map<String, AttributeValue>> items = dynamo.query(b -> b.tableName(stack.tableName())
          .keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CONN#" + connection.connection().id() + "#ACTIVITY"))))
          .items();
      assertThat(items).hasSize(1);
      return items.get(0);
    }
  }
}
