package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.EmfCapture;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The metrics an operator watches, read from the functions' stdout as CloudWatch reads Embedded
 * Metric Format: the SCIM, admin and stream handlers on one table.
 */
class OperationalMetricsTest {

  private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

  @RegisterExtension
  static final DirectoryHarness directory = new DirectoryHarness(EmfCapture.PROPERTIES);

  private static String deactivation() {
    return PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}";
  }

  /** The dimension names of each document publishing {@code metric}, as CloudWatch keys it. */
  private static List<List<String>> dimensionSetsOf(EmfCapture emf, String metric) {
    return emf.documents().stream()
        .flatMap(d -> stream(d.at("/_aws/CloudWatchMetrics")))
        .filter(directive -> directive.at("/Metrics/0/Name").asText().equals(metric))
        .flatMap(directive -> stream(directive.get("Dimensions")))
        .map(set -> stream(set).map(JsonNode::asText).toList())
        .distinct()
        .toList();
  }

  private static Stream<JsonNode> stream(Iterable<JsonNode> nodes) {
    return StreamSupport.stream(nodes.spliterator(), false);
  }

  @Test
  void aScimCreateCountsOneUsersCreate2xxRequestInTheScimLambdaNamespace() {
    IssuedConnection okta = directory.newConnection(directory.newWorkspace(null));
    try (EmfCapture emf = EmfCapture.start()) {
      directory.createUser(okta, "ada@example.com");

      assertThat(emf.count("ScimRequests", "Resource", "Users", "Operation", "create", "StatusClass", "2xx"))
          .isEqualTo(1);
      assertThat(emf.documents()).isNotEmpty().allSatisfy(document ->
          assertThat(document.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("ScimLambda"));
      assertThat(dimensionSetsOf(emf, "ScimRequests"))
          .containsExactly(List.of("Service", "Resource", "Operation", "StatusClass"));
    }
  }

  @Test
  void requestsCountByEndpointOperationAndStatusClassFailuresIncluded() {
    IssuedConnection okta = directory.newConnection(directory.newWorkspace(null));
    try (EmfCapture emf = EmfCapture.start()) {
      directory.scim(okta, "GET", "/Users/no-such-user", null);
      directory.scim(okta, "GET", "/Groups", null);
      directory.scim(okta, "GET", "/ServiceProviderConfig", null);
      directory.scim(okta, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}");

      assertThat(emf.count("ScimRequests", "Resource", "Users", "Operation", "get", "StatusClass", "4xx")).isEqualTo(1);
      assertThat(emf.count("ScimRequests", "Resource", "Groups", "Operation", "list", "StatusClass", "2xx")).isEqualTo(1);
      assertThat(emf.count("ScimRequests", "Resource", "Discovery", "Operation", "get", "StatusClass", "2xx"))
          .isEqualTo(1);
      assertThat(emf.count("ScimRequests", "Resource", "Users", "Operation", "create", "StatusClass", "4xx"))
          .isEqualTo(1);
    }
  }

  @Test
  void aRequestRefusedByAuthenticationIsCountedToo() {
    IssuedConnection okta = directory.newConnection(directory.newWorkspace(null));
    try (EmfCapture emf = EmfCapture.start()) {
      ApiCall.of("GET", "/scim/v2/" + okta.connection().id() + "/Users")
          .bearer("not-the-secret")
          .invoke(directory.scim);

      assertThat(emf.count("ScimRequests", "Resource", "Users", "Operation", "list", "StatusClass", "4xx")).isEqualTo(1);
    }
  }

  @Test
  void aBodyRefusedForItsSizeBeforeAuthenticationIsCountedToo() {
    IssuedConnection okta = directory.newConnection(directory.newWorkspace(null));
    String big = DirectoryHarness.userJson("x".repeat(1 << 20));
    try (EmfCapture emf = EmfCapture.start()) {
      ApiCall.of("POST", "/scim/v2/" + okta.connection().id() + "/Users")
          .bearer(okta.bearerToken())
          .body("application/scim+json", big)
          .header("content-length", Integer.toString(big.length()))
          .invoke(directory.scim);

      assertThat(emf.count("ScimRequests", "Resource", "Users", "Operation", "create", "StatusClass", "4xx"))
          .isEqualTo(1);
    }
  }

  @Test
  void aCreateRefusedForWantOfASeatCountsOneSeatRefusalUnderServiceAlone() {
    IssuedConnection okta = directory.newConnection(directory.newWorkspace(1));
    directory.createUser(okta, "ada@example.com");
    try (EmfCapture emf = EmfCapture.start()) {
      assertThat(directory.scim(okta, "POST", "/Users", DirectoryHarness.userJson("grace@example.com")).status())
          .isEqualTo(403);

      assertThat(emf.count("SeatRefusals")).isEqualTo(1);
      assertThat(dimensionSetsOf(emf, "SeatRefusals")).containsExactly(List.of("Service"));
      assertThat(emf.count("ScimRequests", "Resource", "Users", "Operation", "create", "StatusClass", "4xx"))
          .isEqualTo(1);
    }
  }

  @Test
  void anSsoRegistrationRefusedForWantOfASeatCountsOneSeatRefusal() {
    String ws = directory.newWorkspace(1);
    directory.createUser(directory.newConnection(ws), "ada@example.com");
    try (EmfCapture emf = EmfCapture.start()) {
      assertThat(directory.admin("POST", "/admin/v1/workspaces/" + ws + "/users",
          "{\"email\":\"grace@example.com\",\"source\":\"sso\"}").status()).isGreaterThanOrEqualTo(400);

      assertThat(emf.count("SeatRefusals")).isEqualTo(1);
      assertThat(emf.count("ScimRequests", "Resource", "Users", "Operation", "create", "StatusClass", "4xx")).isZero();
    }
  }

  @Test
  void usersProvisionedDeactivatedAndDeletedCountOnceEachThoughTheIdpRetried() {
    IssuedConnection okta = directory.newConnection(directory.newWorkspace(null));
    directory.converge();
    try (EmfCapture emf = EmfCapture.start()) {
      String ada = directory.createUser(okta, "ada@example.com");
      // The IdP did not see the answer and sends the create again: 409, no second user.
      directory.scim(okta, "POST", "/Users", DirectoryHarness.userJson("ada@example.com"));
      directory.scim(okta, "PATCH", "/Users/" + ada, deactivation());
      directory.scim(okta, "PATCH", "/Users/" + ada, deactivation());
      directory.scim(okta, "DELETE", "/Users/" + ada, null);
      directory.scim(okta, "DELETE", "/Users/" + ada, null);
      directory.converge();

      assertThat(emf.count("ScimRequests", "Resource", "Users", "Operation", "create", "StatusClass", "2xx")).isEqualTo(1);
      assertThat(emf.count("ScimRequests", "Resource", "Users", "Operation", "create", "StatusClass", "4xx")).isEqualTo(1);
      assertThat(emf.count("UsersProvisioned")).isEqualTo(1);
      assertThat(emf.count("UsersDeactivated")).isEqualTo(1);
      assertThat(emf.count("UsersDeleted")).isEqualTo(1);
      assertThat(dimensionSetsOf(emf, "UsersProvisioned")).containsExactly(List.of("Service"));
      assertThat(emf.count("StreamRecordsProcessed")).isPositive();
      assertThat(emf.count("StreamRecordsFailed")).isZero();
    }
  }

  @Test
  void snapStartPrimingOfTheApiFunctionsWritesNoMetric() {
    try (EmfCapture emf = EmfCapture.start()) {
      directory.scim.beforeCheckpoint(null);
      directory.admin.beforeCheckpoint(null);

      assertThat(emf.documents()).isEmpty();
    }
  }

  @Test
  void withoutANamespaceNothingIsWritten() {
    // The embedded stack and most tests run without POWERTOOLS_METRICS_NAMESPACE.
    try (DirectoryHarness plain = new DirectoryHarness(Map.of()); EmfCapture emf = EmfCapture.start()) {
      plain.createUser(plain.newConnection(plain.newWorkspace(null)), "ada@example.com");
      assertThat(emf.documents()).isEmpty();
    }
  }
}
