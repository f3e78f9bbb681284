package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.dynamodblocal.StreamEventSourceMapping;
import dev.scimlambda.scim.api.ScimApiHandler;
import dev.scimlambda.stream.StreamHandler;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestLambdaContext;
import dev.scimlambda.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The activity log end to end: requests through the SCIM handler, the table's stream through the
 * stream handler, the log read through the admin handler.
 */
class ActivityApiTest extends AdminApiTestBase {

  private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final String BARBARA = """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen@example.com",
       "externalId":"701984","password":"t1meMa$heen","name":{"givenName":"Barbara","familyName":"Jensen"},
       "active":true,"emails":[{"value":"bjensen@example.com","type":"work","primary":true}]}""";

  private static ScimApiHandler scim;

  @BeforeAll
  static void startScim() {
    scim = new ScimApiHandler(stack.context());
  }

  /** A connection with its secret, created through the admin API. */
  private record Connection(String workspace, String id, String token) {

    ApiResult scim(String method, String path, String json) {
      ApiCall call = ApiCall.of(method, "/scim/v2/" + id + path).bearer(token).header("User-Agent", "Okta SCIM Client");
      if (json != null) {
        call.body("application/scim+json", json);
      }
      return call.invoke(scim);
    }

    ApiResult activity(String query) {
      return call("GET", "/admin/v1/workspaces/" + workspace + "/connections/" + id + "/activity" + query);
    }
  }

  private static Connection newConnection() {
    String workspace = newWorkspace();
    JsonNode created = call("POST", "/admin/v1/workspaces/" + workspace + "/connections",
        "{\"name\":\"Okta\",\"type\":\"okta\"}").json();
    return new Connection(workspace, created.get("id").asText(), created.get("bearerToken").asText());
  }

  /** Delivers the whole stream to the stream handler, from its start: every call is also a replay. */
  private static void deliverStream() {
    String arn;
    try (var dynamo = stack.database().client()) {
      arn = dynamo.describeTable(b -> b.tableName(stack.tableName())).table().latestStreamArn();
    }
    Path failures;
    try {
      failures = Files.createTempDirectory("activity-stream").resolve("failed.jsonl");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var options = new StreamEventSourceMapping.Options(100, 2, Duration.ofMillis(50), null, failures);
    new StreamEventSourceMapping(stack.database().streamsClient(), arn, new StreamHandler(stack.context()),
        TestLambdaContext::new, options).poll();
    assertThat(Files.exists(failures)).as("stream records sent to the on-failure destination").isFalse();
  }

  private static String patch(String operations) {
    return "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":" + operations + "}";
  }

  private static JsonNode change(JsonNode entry, String path) {
    for (JsonNode change : entry.get("changes")) {
      if (change.get("path").asText().equals(path)) {
        return change;
      }
    }
    throw new AssertionError("no change of " + path + " in " + entry);
  }

  @Test
  void aCreateIsShownWithWhatItSetAndTheIdpThatSentIt() {
    Connection connection = newConnection();
    String id = connection.scim("POST", "/Users", BARBARA).json().get("id").asText();
    deliverStream();
    JsonNode entry = connection.activity("").json().get("activity").get(0);
    assertThat(entry.get("operation").asText()).isEqualTo("create User");
    assertThat(entry.get("resourceType").asText()).isEqualTo("User");
    assertThat(entry.get("resourceId").asText()).isEqualTo(id);
    assertThat(entry.get("status").asInt()).isEqualTo(201);
    assertThat(entry.get("outcome").asText()).isEqualTo("success");
    assertThat(entry.get("userAgent").asText()).isEqualTo("Okta SCIM Client");
    assertThat(change(entry, "userName").get("op").asText()).isEqualTo("add");
    assertThat(change(entry, "userName").get("to").asText()).isEqualTo("b***@example.com");
    assertThat(change(entry, "externalId").get("to").asText()).isEqualTo("701984");
    assertThat(change(entry, "active").get("to").asBoolean()).isTrue();
  }

  @Test
  void aPatchShowsItsChangesRedactedAndNeverThePassword() {
    Connection connection = newConnection();
    String id = connection.scim("POST", "/Users", BARBARA).json().get("id").asText();
    ApiResult patched = connection.scim("PATCH", "/Users/" + id, patch("""
        [{"op":"replace","path":"name.givenName","value":"Babs"},
         {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"babs@example.org"},
         {"op":"replace","path":"password","value":"N3wSecret!"},
         {"op":"replace","path":"active","value":false}]"""));
    assertThat(patched.status()).isEqualTo(200);
    deliverStream();
    ApiResult activity = connection.activity("");
    JsonNode entry = activity.json().get("activity").get(0);
    assertThat(entry.get("operation").asText()).isEqualTo("patch User");
    assertThat(change(entry, "active").get("from").asBoolean()).isTrue();
    assertThat(change(entry, "active").get("to").asBoolean()).isFalse();
    assertThat(change(entry, "name.givenName").get("from").asText()).isEqualTo("***");
    assertThat(change(entry, "name.givenName").get("to").asText()).isEqualTo("***");
    JsonNode email = change(entry, "emails[type eq \"work\"].value");
    assertThat(email.get("from").asText()).isEqualTo("b***@example.com");
    assertThat(email.get("to").asText()).isEqualTo("b***@example.org");
    assertThat(activity.bodyText()).doesNotContain("t1meMa$heen", "N3wSecret!", "Barbara", "Babs", "Jensen",
        "bjensen@", "babs@");
  }

  @Test
  void aFailedCreateIsShownWithItsErrorAndNoChanges() {
    Connection connection = newConnection();
    connection.scim("POST", "/Users", BARBARA);
    connection.scim("POST", "/Users", BARBARA);
    deliverStream();
    JsonNode entry = connection.activity("").json().get("activity").get(0);
    assertThat(entry.get("operation").asText()).isEqualTo("create User");
    assertThat(entry.get("status").asInt()).isEqualTo(409);
    assertThat(entry.get("outcome").asText()).isEqualTo("failure");
    assertThat(entry.get("scimType").asText()).isEqualTo("uniqueness");
    assertThat(entry.get("detail").asText()).isEqualTo("A user with this userName already exists");
    assertThat(entry.get("changes").isNull()).isTrue();
  }

  @Test
  void aPatchThatChangedNothingShowsNoChanges() {
    Connection connection = newConnection();
    String id = connection.scim("POST", "/Users", BARBARA).json().get("id").asText();
    connection.scim("PATCH", "/Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]"));
    deliverStream();
    JsonNode entry = connection.activity("").json().get("activity").get(0);
    assertThat(entry.get("operation").asText()).isEqualTo("patch User");
    assertThat(entry.get("changes").isArray()).as("changes derived").isTrue();
    assertThat(entry.get("changes")).isEmpty();
  }

  @Test
  void outcomeFailureShowsOnlyTheFailures() {
    Connection connection = newConnection();
    connection.scim("POST", "/Users", BARBARA);
    connection.scim("POST", "/Users", BARBARA);
    connection.scim("GET", "/Users/missing", null);
    connection.scim("GET", "/Users", null);
    JsonNode failures = connection.activity("?outcome=failure").json().get("activity");
    assertThat(failures).extracting(e -> e.get("status").asInt()).containsExactly(404, 409);
  }

  @Test
  void theLogPagesNewestFirstBehindACursor() {
    Connection connection = newConnection();
    List<String> sent = List.of("/Schemas", "/ResourceTypes", "/ServiceProviderConfig", "/Users", "/Groups");
    sent.forEach(path -> connection.scim("GET", path, null));

    JsonNode first = connection.activity("?limit=3").json();
    assertThat(first.get("activity")).hasSize(3);
    String cursor = first.get("nextCursor").asText();
    JsonNode second = connection.activity("?limit=3&cursor=" + cursor).json();
    assertThat(second.get("activity")).hasSize(2);
    assertThat(second.get("nextCursor").isNull()).isTrue();

    List<JsonNode> all = new ArrayList<>();
    first.get("activity").forEach(all::add);
    second.get("activity").forEach(all::add);
    assertThat(all).extracting(e -> e.get("operation").asText())
        .containsExactly("list Groups", "list Users", "get ServiceProviderConfig", "get ResourceTypes", "get Schemas");
    List<Instant> times = all.stream().map(e -> Instant.parse(e.get("at").asText())).toList();
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void anotherWorkspacesConnectionIs404() {
    Connection connection = newConnection();
    connection.scim("GET", "/Users", null);
    String other = newWorkspace();
    ApiResult foreign = call("GET", "/admin/v1/workspaces/" + other + "/connections/" + connection.id() + "/activity");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.bodyText()).doesNotContain("list Users");
  }

  @Test
  void anUnknownConnectionIs404() {
    String workspace = newWorkspace();
    assertThat(call("GET", "/admin/v1/workspaces/" + workspace + "/connections/nope/activity").status()).isEqualTo(404);
  }

  @Test
  void aBadLimitCursorOrOutcomeIs400NamingTheField() {
    Connection connection = newConnection();
    assertThat(connection.activity("?limit=0").json().get("error").get("field").asText()).isEqualTo("limit");
    assertThat(connection.activity("?limit=101").json().get("error").get("field").asText()).isEqualTo("limit");
    assertThat(connection.activity("?limit=ten").json().get("error").get("field").asText()).isEqualTo("limit");
    assertThat(connection.activity("?cursor=%25%25").json().get("error").get("field").asText()).isEqualTo("cursor");
    assertThat(connection.activity("?outcome=maybe").json().get("error").get("field").asText()).isEqualTo("outcome");
  }

  @Test
  void replayingTheStreamLeavesTheChangesAsTheyWere() {
    Connection connection = newConnection();
    String id = connection.scim("POST", "/Users", BARBARA).json().get("id").asText();
    connection.scim("PATCH", "/Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]"));
    deliverStream();
    String once = connection.activity("").bodyText();
    deliverStream();
    assertThat(connection.activity("").bodyText()).isEqualTo(once);
  }
}
