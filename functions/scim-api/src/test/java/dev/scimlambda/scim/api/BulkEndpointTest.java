package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class BulkEndpointTest extends ScimTestConnections {

  private static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

  @Test
  void aBulkRequestCreatesUsersAndReportsEachOperation() {
    IssuedConnection connection = newConnection();
    ApiResult result = call(connection, "POST", "/Bulk", "{\"schemas\":[\"" + SCHEMA + "\"],\"Operations\":["
        + "{\"method\":\"POST\",\"bulkId\":\"a\",\"path\":\"/Users\",\"data\":" + userJson("ada") + "},"
        + "{\"method\":\"POST\",\"bulkId\":\"b\",\"path\":\"/Users\",\"data\":" + userJson("ada") + "}]}");
    assertThat(result.status()).isEqualTo(200);
    JsonNode operations = result.json().get("Operations");
    assertThat(operations.get(0).get("status").asText()).isEqualTo("201");
    assertThat(operations.get(1).get("status").asText()).isEqualTo("409");
    assertThat(operations.get(1).get("response").get("scimType").asText()).isEqualTo("uniqueness");
    String location = operations.get(0).get("location").asText();
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(call(connection, "GET", "/Users/" + id, null).status()).isEqualTo(200);
  }

  @Test
  void aBulkRequestCreatesAGroupWhoseMemberIsAUserOfTheSameRequest() {
    IssuedConnection connection = newConnection();
    ApiResult result = call(connection, "POST", "/Bulk", "{\"schemas\":[\"" + SCHEMA + "\"],\"Operations\":["
        + "{\"method\":\"POST\",\"bulkId\":\"ada\",\"path\":\"/Users\",\"data\":" + userJson("ada") + "},"
        + "{\"method\":\"POST\",\"bulkId\":\"g\",\"path\":\"/Groups\",\"data\":"
        + "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Tour Guides\","
        + "\"members\":[{\"type\":\"User\",\"value\":\"bulkId:ada\"}]}}]}");
    assertThat(result.status()).isEqualTo(200);
    JsonNode operations = result.json().get("Operations");
    assertThat(operations.get(1).get("status").asText()).isEqualTo("201");
    String userLocation = operations.get(0).get("location").asText();
    String groupLocation = operations.get(1).get("location").asText();
    assertThat(groupLocation).contains("/Groups/");
    JsonNode group = call(connection, "GET", groupLocation.substring(groupLocation.indexOf("/Groups/")), null).json();
    assertThat(group.get("members").get(0).get("value").asText())
        .isEqualTo(userLocation.substring(userLocation.lastIndexOf('/') + 1));
  }

  @Test
  void moreOperationsThanAdvertisedIs413() {
    String op = "{\"method\":\"DELETE\",\"path\":\"/Users/x\"}";
    String ops = String.join(",", Collections.nCopies(dev.scimlambda.scim.discovery.ScimCapabilities.CURRENT.bulkMaxOperations() + 1, op));
    ApiResult result = call(newConnection(), "POST", "/Bulk", "{\"schemas\":[\"" + SCHEMA + "\"],\"Operations\":[" + ops + "]}");
    assertThat(result.status()).isEqualTo(413);
  }
}
