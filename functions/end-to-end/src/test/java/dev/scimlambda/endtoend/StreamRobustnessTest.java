package dev.scimlambda.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.dynamodblocal.LambdaStreamRecords;
import dev.scimlambda.stream.StreamHandler;
import dev.scimlambda.testing.TestLambdaContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** The stream handler's contract with Lambda: order does not matter, a poison record blocks nothing. */
class StreamRobustnessTest {

  private static final String WS = "default";
  private DirectoryHarness directory;
  private IssuedConnection okta;

  @BeforeEach
  void start() {
    directory = new DirectoryHarness(Map.of());
    okta = directory.newConnection(WS);
  }

  @AfterEach
  void stop() {
    directory.close();
  }

  private static String membership(String op, String userId) {
    return "{\"op\":\"" + op + "\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId + "\"}]}";
  }

  @Test
  void recordsDeliveredInReverseOrderEndInTheStateOfTheTable() {
    String ada = directory.createUser(okta, "ada@example.com");
    String bob = directory.createUser(okta, "bob@example.com");
    String team = directory.createGroup(okta, "Team", List.of(ada, bob));
    directory.patchGroup(okta, team, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + bob + "\\\"]\"}");
    directory.patchGroup(okta, team, membership("add", bob));
    directory.patchGroup(okta, team, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ada + "\\\"]\"}");

    List<Record> records = new ArrayList<>(directory.streamRecords());
    Collections.reverse(records);
    StreamsEventResponse response = new StreamHandler(directory.stack.context())
        .handleRequest(LambdaStreamRecords.event(records, directory.streamArn()), new TestLambdaContext());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(directory.tagsOf(WS, ada)).isEmpty();
    assertThat(directory.tagsOf(WS, bob)).containsExactly("Group:Team");
    assertThat(directory.tagCounts(WS)).containsEntry("Group:Team", 1L);
  }

  @Test
  void aPoisonRecordGoesToTheOnFailureDestinationAndTheRecordsAfterItAreApplied() {
    try (var dynamo = directory.stack.database().client()) {
      dynamo.putItem(b -> b.tableName(directory.stack.tableName()).item(Map.of(
          "pk", AttributeValue.fromS("CONN#" + okta.connection().id()),
          "sk", AttributeValue.fromS("USER#poison"),
          "entity", AttributeValue.fromS("User"),
          "id", AttributeValue.fromS("poison"),
          "connectionId", AttributeValue.fromS(okta.connection().id()),
          "document", AttributeValue.fromS("{not json"))));
    }
    String ada = directory.createUser(okta, "ada@example.com");
    directory.createGroup(okta, "Team", List.of(ada));

    directory.convergeAllowingFailures();

    assertThat(directory.failuresText()).contains("USER#poison").doesNotContain(ada);
    assertThat(directory.tagsOf(WS, ada)).containsExactly("Group:Team");
  }
}
