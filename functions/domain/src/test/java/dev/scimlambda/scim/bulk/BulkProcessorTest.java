package dev.scimlambda.scim.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkProcessorTest {

  /** Keeps resources in a map; a data object with {"fail": true} is refused with 400. */
  private static final class MapEndpoint implements BulkEndpoint {
    final Map<String, JsonNode> resources = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    private final String path;

    MapEndpoint(String path) {
      this.path = path;
    }

    @Override public String path() { return path; }

    @Override
    public Written create(String connectionId, JsonNode data) {
      calls.add("POST " + data);
      refuseIfAsked(data);
      String id = path.substring(1).toLowerCase() + (resources.size() + 1);
      resources.put(id, data);
      return new Written(id, "W/\"1\"");
    }

    @Override
    public Written replace(String connectionId, String id, JsonNode data, String ifMatch) {
      requireExisting(id);
      resources.put(id, data);
      return new Written(id, "W/\"2\"");
    }

    @Override
    public Written patch(String connectionId, String id, JsonNode data, String ifMatch) {
      requireExisting(id);
      return new Written(id, "W/\"2\"");
    }

    @Override
    public void delete(String connectionId, String id, String ifMatch) {
      requireExisting(id);
      resources.remove(id);
    }

    private void requireExisting(String id) {
      if (!resources.containsKey(id)) {
        throw new NotFoundException("no " + id);
      }
    }

    private static void refuseIfAsked(JsonNode data) {
      if (data.path("fail").asBoolean()) {
        throw new InvalidInputException(ScimType.invalidValue, "refused");
      }
    }
  }

  private final MapEndpoint users = new MapEndpoint("/Users");
  private final MapEndpoint groups = new MapEndpoint("/Groups");
  private final BulkProcessor processor = new BulkProcessor(List.of(users, groups), 10);

  private static JsonNode request(String operations, String extra) throws Exception {
    return ScimJson.MAPPER.readTree(
        "{\"schemas\":[\"" + BulkProcessor.REQUEST_SCHEMA + "\"]" + extra + ",\"Operations\":[" + operations + "]}");
  }

  private static String post(String bulkId, String path, String data) {
    return "{\"method\":\"POST\",\"bulkId\":\"" + bulkId + "\",\"path\":\"" + path + "\",\"data\":" + data + "}";
  }

  private static List<String> statuses(ObjectNode response) {
    List<String> statuses = new ArrayList<>();
    response.get("Operations").forEach(op -> statuses.add(op.get("status").asText()));
    return statuses;
  }

  private ObjectNode process(String operations, String extra) throws Exception {
    return processor.process("c1", request(operations, extra), "https://x/scim/v2/c1");
  }

  @Test
  void operationsRunInOrderAndReportStatusLocationAndVersion() throws Exception {
    ObjectNode response = process(post("a", "/Users", "{\"userName\":\"ada\"}") + ","
        + "{\"method\":\"DELETE\",\"path\":\"/Users/users1\"}", "");
    JsonNode results = response.get("Operations");
    assertThat(response.get("schemas").get(0).asText()).isEqualTo(BulkProcessor.RESPONSE_SCHEMA);
    assertThat(results.get(0).get("status").asText()).isEqualTo("201");
    assertThat(results.get(0).get("location").asText()).isEqualTo("https://x/scim/v2/c1/Users/users1");
    assertThat(results.get(0).get("version").asText()).isEqualTo("W/\"1\"");
    assertThat(results.get(0).get("bulkId").asText()).isEqualTo("a");
    assertThat(results.get(1).get("status").asText()).isEqualTo("204");
    assertThat(users.resources).isEmpty();
  }

  @Test
  void aBulkIdReferenceIsReplacedByTheCreatedId() throws Exception {
    process(post("g", "/Groups", "{\"displayName\":\"Tour\",\"members\":[{\"value\":\"bulkId:u\"}]}") + ","
        + post("u", "/Users", "{\"userName\":\"ada\"}"), "");
    assertThat(groups.resources.get("groups1").get("members").get(0).get("value").asText()).isEqualTo("users1");
  }

  @Test
  void anOperationWaitsForTheResourceItReferencesEvenWhenListedFirst() throws Exception {
    ObjectNode response = process(post("g", "/Groups", "{\"members\":[{\"value\":\"bulkId:u\"}]}") + ","
        + post("u", "/Users", "{\"userName\":\"ada\"}"), "");
    assertThat(statuses(response)).containsExactly("201", "201");
    assertThat(users.calls).hasSize(1);
  }

  @Test
  void circularReferencesFailWith409() throws Exception {
    ObjectNode response = process(post("a", "/Users", "{\"manager\":\"bulkId:b\"}") + ","
        + post("b", "/Users", "{\"manager\":\"bulkId:a\"}"), "");
    assertThat(statuses(response)).containsExactly("409", "409");
    assertThat(users.resources).isEmpty();
  }

  @Test
  void aReferenceToAFailedCreateFailsWith409() throws Exception {
    ObjectNode response = process(post("a", "/Users", "{\"fail\":true}") + ","
        + post("g", "/Groups", "{\"members\":[{\"value\":\"bulkId:a\"}]}"), "");
    assertThat(statuses(response)).containsExactly("400", "409");
  }

  @Test
  void aFailedOperationCarriesTheScimErrorAndOthersStillRun() throws Exception {
    ObjectNode response = process(post("a", "/Users", "{\"fail\":true}") + "," + post("b", "/Users", "{\"userName\":\"b\"}"), "");
    JsonNode failed = response.get("Operations").get(0);
    assertThat(failed.get("status").asText()).isEqualTo("400");
    assertThat(failed.get("response").get("scimType").asText()).isEqualTo("invalidValue");
    assertThat(response.get("Operations").get(1).get("status").asText()).isEqualTo("201");
  }

  @Test
  void failOnErrorsStopsProcessingAfterThatManyFailures() throws Exception {
    ObjectNode response = process(post("a", "/Users", "{\"fail\":true}") + "," + post("b", "/Users", "{\"userName\":\"b\"}"),
        ",\"failOnErrors\":1");
    assertThat(response.get("Operations")).hasSize(1);
    assertThat(users.resources).isEmpty();
  }

  @Test
  void moreOperationsThanTheMaximumIs413() {
    String many = String.join(",", java.util.Collections.nCopies(11, "{\"method\":\"DELETE\",\"path\":\"/Users/x\"}"));
    assertThatThrownBy(() -> process(many, ""))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void aRequestWithoutTheBulkRequestSchemaIsInvalidSyntax() {
    assertThatThrownBy(() -> processor.process("c1", ScimJson.MAPPER.readTree("{\"Operations\":[]}"), "x"))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.invalidSyntax));
  }

  @Test
  void aPostWithoutBulkIdIsInvalidSyntax() {
    assertThatThrownBy(() -> process("{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{}}", ""))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.invalidSyntax));
  }

  @Test
  void anUnknownPathFailsThatOperationWithInvalidPath() throws Exception {
    ObjectNode response = process("{\"method\":\"DELETE\",\"path\":\"/Printers/1\"}", "");
    assertThat(response.get("Operations").get(0).get("response").get("scimType").asText()).isEqualTo("invalidPath");
  }

  @Test
  void aDuplicateBulkIdIsInvalidValue() {
    assertThatThrownBy(() -> process(post("a", "/Users", "{}") + "," + post("a", "/Users", "{}"), ""))
        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.invalidValue));
  }
}
