package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Changing a connection's mapping re-applies it to its 1,000 existing users through chunked stream jobs. */
class MappingReapplicationTest {

  private static final int USERS = 1_000;
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static DirectoryHarness directory;
  private static String ws;
  private static IssuedConnection okta;
  private static List<String> users;

  @BeforeAll
  static void provisionAThousandUsers() {
    directory = DirectoryHarness.isolated(Map.of());
    ws = directory.newWorkspace(null);
    okta = directory.newConnection(ws);
    users = new ArrayList<>();
    for (int first = 0; first < USERS; first += 100) {
      users.addAll(createUsers(first, first + 100));
    }
    directory.converge();
  }

  /** Through /Bulk, 100 creates a request: everyone in Sales, with a cost center in the enterprise extension. */
  private static List<String> createUsers(int from, int to) {
    String operations = IntStream.range(from, to)
        .mapToObj(i -> "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u" + i + "\",\"data\":{\"schemas\":["
            + "\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],\"userName\":\"user" + i
            + "@example.com\",\"title\":\"Engineer\",\"" + ENTERPRISE + "\":{\"department\":\"Sales\",\"costCenter\":\"CC-"
            + (i % 10) + "\"}}}")
        .collect(Collectors.joining(","));
    ApiResult result = directory.scim(okta, "POST", "/Bulk",
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[" + operations + "]}");
    List<String> ids = new ArrayList<>();
    result.json().get("Operations").forEach(op -> {
      if (!"201".equals(op.get("status").asText())) {
        throw new AssertionError("bulk create failed: " + op);
      }
      String location = op.get("location").asText();
      ids.add(location.substring(location.lastIndexOf('/') + 1));
    });
    return ids;
  }

  @AfterAll
  static void stop() {
    directory.close();
  }

  @Test
  void aMappingChangeReachesEveryExistingUserAndTheAdminApiShowsItConverging() {
    ApiResult saved = AttributeMappingTestSupport.putMapping(directory, ws, okta,
        "{\"attributes\":{\"title\":\"" + ENTERPRISE + ":costCenter\"},\"targetGroup\":{\"groupBy\":\"department\"}}");
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().get("reapplying").isObject()).isTrue();

    directory.converge();

    JsonNode mapping = directory.admin("GET", AttributeMappingTestSupport.mappingPath(ws, okta)).json();
    assertThat(mapping.get("reapplying").isNull()).isTrue();
    assertThat(directory.tagCounts(ws)).containsEntry("Department:Sales", (long) USERS);
    assertThat(directory.usersWithTag(ws, "Department:Sales", 200)).containsExactlyInAnyOrderElementsOf(users);
    for (int i = 0; i < USERS; i += 97) {
      assertThat(directory.appUser(ws, users.get(i)).at("/profile/title").asText()).startsWith("CC-");
    }
  }
}
