package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing a connection's mapping re-applies it to its 1,000 existing users through chunked stream jobs. */
class MappingReapplicationTest {

  private static final int USERS = 1_000;
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @RegisterExtension
  static final DirectoryHarness directory = DirectoryHarness.isolated(Map.of());
  private static String ws;
  private static IssuedConnection okta;
  private static List<String> users;

  /** Everyone in Sales, with a cost center in the enterprise extension. */
  @BeforeAll
  static void provisionAThousandUsers() {
    ws = directory.newWorkspace(null);
    okta = directory.newConnection(ws);
    users = directory.createUsersInBulk(okta, USERS, i -> "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\""
        + ENTERPRISE + "\"],\"userName\":\"user" + i + "@example.com\",\"title\":\"Engineer\",\"" + ENTERPRISE
        + "\":{\"department\":\"Sales\",\"costCenter\":\"CC-" + (i % 10) + "\"}}");
    directory.converge();
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
