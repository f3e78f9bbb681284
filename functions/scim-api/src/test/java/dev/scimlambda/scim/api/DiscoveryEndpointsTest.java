package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryEndpointsTest extends ScimTestConnections {

  private static String base(IssuedConnection connection) {
    return TestStack.PUBLIC_BASE_URL + "/scim/v2/" + connection.connection().id();
  }

  @Test
  void serviceProviderConfigDescribesBearerAuthenticationAndTheConnectionsLocation() {
    IssuedConnection connection = newConnection();
    ApiResult result = get(connection, "/ServiceProviderConfig");
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("Content-Type")).startsWith("application/scim+json");
    JsonNode config = result.json();
    assertThat(config.get("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    assertThat(config.get("authenticationSchemes").get(0).get("type").asText()).isEqualTo("oauthbearertoken");
    assertThat(config.get("meta").get("location").asText()).isEqualTo(base(connection) + "/ServiceProviderConfig");
    assertThat(config.get("meta").get("resourceType").asText()).isEqualTo("ServiceProviderConfig");
  }

  @Test
  void serviceProviderConfigAdvertisesNoFeatureThatIsNotServedYet() {
    JsonNode config = get(newConnection(), "/ServiceProviderConfig").json();
    for (String feature : List.of("patch", "bulk", "filter", "changePassword", "sort", "etag")) {
      assertThat(config.get(feature).get("supported").asBoolean()).as(feature).isFalse();
    }
  }

  @Test
  void resourceTypesIsAListResponseOfTheServedResourceTypes() {
    JsonNode list = get(newConnection(), "/ResourceTypes").json();
    assertThat(list.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(list.get("totalResults").asInt()).isEqualTo(list.get("Resources").size());
  }

  @Test
  void schemasListsTheDiscoverySchemas() {
    JsonNode list = get(newConnection(), "/Schemas").json();
    List<String> ids = new ArrayList<>();
    list.get("Resources").forEach(s -> ids.add(s.get("id").asText()));
    assertThat(ids)
        .containsExactlyInAnyOrder(
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
            "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
            "urn:ietf:params:scim:schemas:core:2.0:Schema");
    assertThat(list.get("totalResults").asInt()).isEqualTo(3);
  }

  @Test
  void aSchemaIsServedByItsUrnWithItsAttributes() {
    IssuedConnection connection = newConnection();
    String urn = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    JsonNode schema = get(connection, "/Schemas/" + urn).json();
    assertThat(schema.get("id").asText()).isEqualTo(urn);
    assertThat(schema.get("attributes").findValuesAsText("name")).contains("endpoint", "schema", "schemaExtensions");
    assertThat(schema.get("meta").get("location").asText()).isEqualTo(base(connection) + "/Schemas/" + urn);
  }

  @Test
  void anUnknownSchemaIs404InTheScimErrorSchema() {
    ApiResult result = get(newConnection(), "/Schemas/urn:example:unknown");
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.json().get("status").asText()).isEqualTo("404");
    assertThat(result.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
  }

  @Test
  void anUnknownResourceTypeIs404() {
    assertThat(get(newConnection(), "/ResourceTypes/Printer").status()).isEqualTo(404);
  }

  @Test
  void anUnknownEndpointIs404InTheScimErrorSchema() {
    ApiResult result = get(newConnection(), "/Printers");
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.header("Content-Type")).startsWith("application/scim+json");
    assertThat(result.json().get("status").asText()).isEqualTo("404");
  }
}
