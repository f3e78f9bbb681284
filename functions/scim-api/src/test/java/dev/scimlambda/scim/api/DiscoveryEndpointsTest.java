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
  void serviceProviderConfigAdvertisesWhatTheUsersEndpointServes() {
    JsonNode config = get(newConnection(), "/ServiceProviderConfig").json();
    for (String feature : List.of("patch", "bulk", "filter", "sort", "etag")) {
      assertThat(config.get(feature).get("supported").asBoolean()).as(feature).isTrue();
    }
    assertThat(config.get("changePassword").get("supported").asBoolean()).isFalse();
    assertThat(config.get("bulk").get("maxOperations").asInt()).isEqualTo(100);
    assertThat(config.get("bulk").get("maxPayloadSize").asInt()).isEqualTo(1 << 20);
    assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(1000);
  }

  @Test
  void serviceProviderConfigAdvertisesIndexAndCursorPagination() {
    JsonNode pagination = get(newConnection(), "/ServiceProviderConfig").json().get("pagination");
    assertThat(pagination.get("cursor").asBoolean()).isTrue();
    assertThat(pagination.get("index").asBoolean()).isTrue();
    assertThat(pagination.get("defaultPageSize").asInt()).isEqualTo(100);
    assertThat(pagination.get("maxPageSize").asInt()).isEqualTo(1000);
  }

  @Test
  void resourceTypesListsUserWithTheEnterpriseExtension() {
    JsonNode list = get(newConnection(), "/ResourceTypes").json();
    assertThat(list.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(list.get("totalResults").asInt()).isEqualTo(2);
    JsonNode user = list.get("Resources").get(0);
    assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
    assertThat(user.get("schema").asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
    assertThat(user.get("schemaExtensions").get(0).get("schema").asText())
        .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertThat(user.get("schemaExtensions").get(0).get("required").asBoolean()).isFalse();
  }

  @Test
  void resourceTypesListsGroupWithoutExtensions() {
    JsonNode group = get(newConnection(), "/ResourceTypes/Group").json();
    assertThat(group.get("endpoint").asText()).isEqualTo("/Groups");
    assertThat(group.get("schema").asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:Group");
    assertThat(group.get("schemaExtensions")).isEmpty();
  }

  @Test
  void theUserResourceTypeIsServedById() {
    assertThat(get(newConnection(), "/ResourceTypes/User").json().get("name").asText()).isEqualTo("User");
  }

  @Test
  void schemasListsTheDiscoveryAndUserSchemas() {
    JsonNode list = get(newConnection(), "/Schemas").json();
    List<String> ids = new ArrayList<>();
    list.get("Resources").forEach(s -> ids.add(s.get("id").asText()));
    assertThat(ids)
        .containsExactlyInAnyOrder(
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
            "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
            "urn:ietf:params:scim:schemas:core:2.0:Schema",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:core:2.0:Group",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertThat(list.get("totalResults").asInt()).isEqualTo(6);
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
