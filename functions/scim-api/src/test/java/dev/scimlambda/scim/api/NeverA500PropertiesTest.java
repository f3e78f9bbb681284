package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever an IdP sends, the SCIM handler answers with a status the protocol defines and a SCIM
 * error body, never a 500: arbitrary bodies, filters and PATCH documents through the real handler.
 */
class NeverA500PropertiesTest {

  private static TestStack stack;
  private static ScimApiHandler handler;
  private static IssuedConnection connection;
  private static String userId;
  private static String groupId;

  @BeforeContainer
  static void start() {
    stack = TestStack.start();
    handler = new ScimApiHandler(stack.context());
    stack.context().getBean(Workspaces.class).ensureDefault();
    connection = stack.context().getBean(Connections.class).create("default", "fuzz", "generic");
    ApiResult created = call("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"fuzz\"}");
    userId = created.json().get("id").asText();
    groupId = call("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"fuzz\"}")
        .json().get("id").asText();
  }

  @AfterContainer
  static void stop() {
    stack.close();
  }

  private static ApiResult call(String method, String path, String body) {
    ApiCall call = ApiCall.of(method, "/scim/v2/" + connection.connection().id() + path).bearer(connection.bearerToken());
    if (body != null) {
      call.body("application/scim+json", body);
    }
    return call.invoke(handler);
  }

  private static void assertScimAnswer(ApiResult result) {
    assertThat(result.status()).as(result.toString()).isIn(200, 201, 204, 400, 404, 409, 412, 413);
    if (result.status() >= 400) {
      assertThat(result.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }
  }

  @Property
  void anyUserBodyGetsAScimAnswer(@ForAll("userBodies") String body) {
    assertScimAnswer(call("POST", "/Users", body));
  }

  @Property
  void anyPatchGetsAScimAnswer(@ForAll("patchBodies") String body) {
    assertScimAnswer(call("PATCH", "/Users/" + userId, body));
  }

  @Property
  void anyFilterGetsAScimAnswer(@ForAll("filters") String filter) {
    String encoded = java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8);
    assertScimAnswer(call("GET", "/Users?filter=" + encoded + "&attributes=" + encoded, null));
  }

  @Property(tries = 100)
  void anyGroupBodyGetsAScimAnswer(@ForAll("groupBodies") String body) {
    assertScimAnswer(call("POST", "/Groups", body));
  }

  @Property(tries = 150)
  void anyGroupPatchGetsAScimAnswer(@ForAll("groupPatchBodies") String body) {
    assertScimAnswer(call("PATCH", "/Groups/" + groupId, body));
  }

  @Property(tries = 100)
  void anyGroupFilterGetsAScimAnswer(@ForAll("groupFilters") String filter) {
    String encoded = java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8);
    assertScimAnswer(call("GET", "/Groups?filter=" + encoded + "&excludedAttributes=" + encoded, null));
  }

  private static Arbitrary<String> memberValues() {
    return Arbitraries.of("[]", "{}", "null", "\"x\"", "[{}]", "[{\"value\":1}]", "[{\"value\":\"nope\"}]",
        "[{\"value\":\"" + userId + "\"}]", "[{\"value\":\"" + userId + "\",\"type\":\"Printer\"}]",
        "{\"value\":\"" + userId + "\"}", "[{\"value\":\"" + groupId + "\"}]", "[{\"value\":\"a#b\"}]",
        "{\"displayName\":\"fuzz2\",\"members\":[{\"value\":\"" + userId + "\"}]}", "{\"members\":\"x\"}");
  }

  @Provide
  Arbitrary<String> groupBodies() {
    Arbitrary<String> names = Arbitraries.of("displayName", "DisplayName", "members", "externalId", "id", "meta", "schemas",
        "urn:x:custom");
    Arbitrary<String> values = Arbitraries.oneOf(memberValues(),
        Arbitraries.strings().ofMaxLength(8).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
    Arbitrary<String> fields = Combinators.combine(names, values).as((n, v) -> "\"" + n + "\":" + v);
    Arbitrary<String> objects = fields.list().ofMaxSize(5).map(list ->
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]" + (list.isEmpty() ? "" : ",") + String.join(",", list) + "}");
    return Arbitraries.oneOf(objects, Arbitraries.of("", "[]", "null", "{", "{}"));
  }

  @Provide
  Arbitrary<String> groupPatchBodies() {
    Arbitrary<String> ops = Arbitraries.of("add", "Replace", "remove", "REMOVE", "copy", "");
    Arbitrary<String> paths = Arbitraries.of("", "displayName", "members", "Members", "members[value eq \"" + userId + "\"]",
        "members[value eq \"x\" or value eq \"y\"]", "members[display sw \"f\"]", "members[value eq \"x\"].display",
        "members.value", "members[", "urn:ietf:params:scim:schemas:core:2.0:Group:members", "externalId", "id",
        "members[type eq 1]");
    Arbitrary<String> op = Combinators.combine(ops, paths, memberValues())
        .as((o, p, v) -> "{\"op\":\"" + o + "\"" + (p.isEmpty() ? "" : ",\"path\":\"" + p.replace("\"", "\\\"") + "\"")
            + ",\"value\":" + v + "}");
    return op.list().ofMinSize(0).ofMaxSize(4).map(list ->
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + String.join(",", list) + "]}");
  }

  @Provide
  Arbitrary<String> groupFilters() {
    Arbitrary<String> attributes = Arbitraries.of("displayName", "members.value", "members[value eq \"x\"]", "members",
        "externalId", "id", "members.display", "urn:ietf:params:scim:schemas:core:2.0:Group:displayName", "x");
    Arbitrary<String> operators = Arbitraries.of("eq", "ne", "co", "sw", "pr", "gt");
    Arbitrary<String> values = Arbitraries.of("\"a\"", "\"fuzz\"", "\"" + userId + "\"", "1", "null", "");
    Arbitrary<String> terms = Combinators.combine(attributes, operators, values).as((a, o, v) -> a + " " + o + " " + v);
    return terms.list().ofMinSize(1).ofMaxSize(3).map(list -> String.join(List.of(" and ", " or ").get(list.size() % 2), list));
  }

  @Provide
  Arbitrary<String> userBodies() {
    Arbitrary<String> values = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""),
        Arbitraries.of("true", "false", "null", "1", "-3.5", "[]", "{}", "[{}]", "[\"x\"]", "{\"value\":1}",
            "[{\"value\":\"a@b\",\"primary\":\"True\"}]"));
    Arbitrary<String> names = Arbitraries.of("userName", "USERNAME", "name", "emails", "active", "id", "meta", "password",
        "externalId", "groups", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:x:custom", "name.givenName",
        "schemas", "phoneNumbers", "x509Certificates");
    Arbitrary<String> members = Combinators.combine(names, values).as((n, v) -> "\"" + n + "\":" + v);
    Arbitrary<String> objects = members.list().ofMaxSize(6).map(list -> "{" + String.join(",", list) + "}");
    return Arbitraries.oneOf(objects, Arbitraries.strings().ofMaxLength(40), Arbitraries.of("", "[]", "null", "{", "\"x\""));
  }

  @Provide
  Arbitrary<String> patchBodies() {
    Arbitrary<String> ops = Arbitraries.of("add", "Replace", "remove", "REMOVE", "copy", "");
    Arbitrary<String> paths = Arbitraries.of("", "displayName", "emails[type eq \"work\"].value", "members[value eq \"1\"]",
        "name.givenName", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "id", "meta.created",
        "emails[", "a.b.c.d", "emails[type eq].value", "active");
    Arbitrary<String> values = Arbitraries.of("\"x\"", "false", "\"False\"", "1", "[]", "{}", "{\"active\":false}",
        "[{\"value\":\"a@b\",\"type\":\"work\"}]", "null", "{\"name.givenName\":\"A\"}");
    Arbitrary<String> op = Combinators.combine(ops, paths, values)
        .as((o, p, v) -> "{\"op\":\"" + o + "\"" + (p.isEmpty() ? "" : ",\"path\":\"" + p.replace("\"", "\\\"") + "\"")
            + ",\"value\":" + v + "}");
    return op.list().ofMinSize(0).ofMaxSize(4).map(list ->
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + String.join(",", list) + "]}");
  }

  @Provide
  Arbitrary<String> filters() {
    Arbitrary<String> attributes = Arbitraries.of("userName", "emails.value", "emails[type eq \"work\"]", "meta.lastModified",
        "active", "name.familyName", "urn:ietf:params:scim:schemas:core:2.0:User:userName", "x", "emails");
    Arbitrary<String> operators = Arbitraries.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "zz");
    Arbitrary<String> values = Arbitraries.of("\"a\"", "true", "1", "null", "\"2011-05-13T04:42:34Z\"", "", "\"");
    Arbitrary<String> terms = Combinators.combine(attributes, operators, values).as((a, o, v) -> a + " " + o + " " + v);
    Arbitrary<String> joined = terms.list().ofMinSize(1).ofMaxSize(3).map(list -> String.join(List.of(" and ", " or ").get(list.size() % 2), list));
    return Arbitraries.oneOf(joined, joined.map(f -> "not (" + f + ")"), Arbitraries.strings().ofMaxLength(30));
  }
}
