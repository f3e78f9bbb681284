package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every identity provider's documented request sequence ({@code src/test/resources/dialects})
 * against the real handler, each fixture on a fresh connection of its IdP type, and checks that
 * each response is what that IdP needs to carry on.
 */
class IdpDialectReplayTest extends ScimTestConnections {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The behaviours each IdP needs (issue 6); a fixture step names those it exercises in {@code covers}. */
  private static final Map<String, String> BEHAVIOURS = behaviours(
      "okta.lookup-absent", "userName eq lookup with startIndex=1&count=100 answers 200 with an empty ListResponse",
      "okta.create-password-groups", "create with password and groups: []",
      "okta.deactivate-patch", "deactivate by PATCH replace with value {active: false}",
      "okta.deactivate-put", "deactivate by PUT of the whole user (apps built with the wizard)",
      "okta.no-user-delete", "users are deactivated, never deleted",
      "okta.paging", "stable ordering across pages with integer itemsPerPage, startIndex, totalResults",
      "okta.member-remove-and-add", "group PATCH removing members[value eq] and adding members in one request",
      "okta.rename-with-members", "the rename sent with every membership change",
      "okta.push-now-empty", "Push now: replace members with [] empties the group",
      "okta.member-without-type", "member entries without type",
      "entra.capitalised-ops", "Add, Replace, Remove",
      "entra.string-boolean", "active: \"False\" as a string",
      "entra.remove-member-values", "Remove members with a value list",
      "entra.manager-forms", "manager as a {value: id} list or a bare string",
      "entra.filtered-add", "PATCH of filtered multi-valued attributes that do not exist yet creates them",
      "entra.pathless-nested", "path-less Add/Replace with nested objects or dotted keys",
      "entra.application-json", "Content-Type: application/json",
      "entra.flag-mode", "aadOptscim062020: lowercase ops, real booleans, members[value eq] removal",
      "entra.test-connection", "Test connection queries a random GUID userName and gets 200 with an empty list",
      "entra.group-lookup", "group lookup with excludedAttributes=members&filter=displayName eq",
      "entra.group-patch-204", "group PATCH may answer 204",
      "onelogin.string-active", "templates send active as a string",
      "onelogin.nonstandard-kept", "non-standard attributes such as manager.managerId are kept",
      "onelogin.refresh-entitlements", "GET /Groups to refresh entitlements",
      "jumpcloud.test-connection", "test connection creates and deletes a test user and group",
      "jumpcloud.idempotent-add", "repeated add-member operations add no duplicate and give no error",
      "generic.rfc7644", "the RFC 7644 flows of a plain SCIM 2.0 client");

  @TestFactory
  Stream<DynamicTest> everyDocumentedFlowReplaysAsTheIdpExpects() {
    return fixtures().stream().map(fixture -> DynamicTest.dynamicTest(fixture.file(), () -> replay(fixture)));
  }

  @Test
  void everyFixtureCitesItsSourcesAndEveryListedBehaviourIsReplayed() {
    Set<String> covered = new TreeSet<>();
    Set<String> types = new TreeSet<>();
    for (ReplayFixture fixture : fixtures()) {
      assertThat(fixture.sources()).as(fixture.file()).isNotEmpty().allMatch(s -> s.startsWith("https://"));
      assertThat(fixture.steps()).as(fixture.file()).isNotEmpty();
      types.add(fixture.connectionType());
      fixture.steps().forEach(step -> covered.addAll(step.covers()));
    }
    assertThat(types).containsExactlyInAnyOrder("okta", "azure", "onelogin", "jumpcloud", "generic");
    assertThat(BEHAVIOURS.keySet()).containsAll(covered);
    assertThat(covered).containsAll(BEHAVIOURS.keySet());
  }

  private static void replay(ReplayFixture fixture) {
    IssuedConnection connection = connections().create("default", fixture.idp() + " replay", fixture.connectionType());
    String prefix = "/scim/v2/" + connection.connection().id();
    ReplayFixture.Bindings bindings = new ReplayFixture.Bindings(TestStack.PUBLIC_BASE_URL + prefix);
    int number = 0;
    for (ReplayFixture.Step step : fixture.steps()) {
      number++;
      JsonNode request = step.request();
      String method = request.get("method").asText();
      String path = onTheWire(bindings.text(request.get("path").asText()));
      ApiCall call = ApiCall.of(method, prefix + path).bearer(connection.bearerToken());
      Map<String, String> headers = new LinkedHashMap<>();
      request.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(), bindings.text(h.getValue().asText())));
      String body = null;
      if (request.has("body")) {
        body = write(bindings.json(request.get("body")));
        call.body(headers.getOrDefault("content-type", "application/scim+json"), body);
      }
      headers.forEach(call::header);
      ApiResult result = call.invoke(handler);
      String context = fixture.file() + " step " + number + " \"" + step.name() + "\"\n  " + method + " " + path
          + (body == null ? "" : "\n  " + body) + "\n  → " + result.status() + " " + result.bodyText() + "\n  ";
      verify(step.expect(), result, bindings, context);
      step.capture().forEach((name, pointer) -> {
        JsonNode value = result.json().at(pointer);
        assertThat(value.isMissingNode()).as(context + "capture " + name + " at " + pointer).isFalse();
        bindings.put(name, value);
      });
    }
  }

  private static void verify(JsonNode expect, ApiResult result, ReplayFixture.Bindings bindings, String context) {
    JsonNode status = expect.get("status");
    List<Integer> statuses = new ArrayList<>();
    if (status.isArray()) {
      status.forEach(s -> statuses.add(s.asInt()));
    } else {
      statuses.add(status.asInt());
    }
    assertThat(result.status()).as(context + "status").isIn(statuses);
    expect.path("headers").properties().forEach(h ->
        assertThat(result.header(h.getKey())).as(context + "header " + h.getKey()).startsWith(bindings.text(h.getValue().asText())));
    if (expect.has("body")) {
      JsonNode body = result.json();
      expect.get("body").properties().forEach(assertion -> {
        String pointer = bindings.text(assertion.getKey());
        JsonMatch.check(body.at(pointer), bindings.json(assertion.getValue()), context + pointer);
      });
    }
  }

  /** Spaces and quotes in a query as an HTTP client percent-encodes them; fixtures keep them readable. */
  private static String onTheWire(String path) {
    int q = path.indexOf('?');
    if (q < 0) {
      return path;
    }
    return path.substring(0, q + 1) + path.substring(q + 1).replace(" ", "%20").replace("\"", "%22");
  }

  private static String write(JsonNode json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<ReplayFixture> fixtures() {
    try {
      Path root = Path.of(IdpDialectReplayTest.class.getResource("/dialects").toURI());
      try (Stream<Path> files = Files.walk(root)) {
        return files.filter(p -> p.toString().endsWith(".json")).sorted()
            .map(p -> ReplayFixture.load(root, p)).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> behaviours(String... idsAndDescriptions) {
    Map<String, String> behaviours = new LinkedHashMap<>();
    for (int i = 0; i < idsAndDescriptions.length; i += 2) {
      behaviours.put(idsAndDescriptions[i], idsAndDescriptions[i + 1]);
    }
    return behaviours;
  }
}
