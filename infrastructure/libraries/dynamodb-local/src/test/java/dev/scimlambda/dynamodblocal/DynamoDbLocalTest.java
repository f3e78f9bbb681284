package dev.scimlambda.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.table.TableDefinition;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

class DynamoDbLocalTest {

  private static final Map<String, AttributeValue> ITEM =
      Map.of("pk", AttributeValue.fromS("A"), "sk", AttributeValue.fromS("B"));

  @Test
  void listensOnLoopbackOnly() {
    try (DynamoDbLocal local = DynamoDbLocal.inMemory()) {
      assertThat(local.endpoint().getHost()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void persistentDatabaseKeepsItemsAcrossRestarts(@TempDir Path dir) {
    try (DynamoDbLocal local = DynamoDbLocal.persistent(0, dir)) {
      var dynamo = local.client();
      TableDefinition.load().createIfAbsent(dynamo, "scim");
      dynamo.putItem(b -> b.tableName("scim").item(ITEM));
    }
    try (DynamoDbLocal local = DynamoDbLocal.persistent(0, dir)) {
      assertThat(TableDefinition.load().createIfAbsent(local.client(), "scim")).isFalse();
      assertThat(local.client().getItem(b -> b.tableName("scim").key(ITEM)).item()).isEqualTo(ITEM);
    }
  }

  @Test
  void persistentDatabaseCommitsToAWriteAheadLogWithoutSyncingEachCommit(@TempDir Path dir) {
    try (DynamoDbLocal local = DynamoDbLocal.persistent(0, dir)) {
      assertThat(local.sqliteJournal()).isEqualTo("wal, synchronous=1");
    }
  }

  @Test
  void writesInTheWriteAheadLogAreInTheDatabaseAfterAStop(@TempDir Path dir) {
    try (DynamoDbLocal local = DynamoDbLocal.persistent(0, dir)) {
      var dynamo = local.client();
      TableDefinition.load().createIfAbsent(dynamo, "scim");
      for (int i = 0; i < 50; i++) {
        String sk = "B" + i;
        dynamo.putItem(b -> b.tableName("scim").item(Map.of("pk", AttributeValue.fromS("A"), "sk", AttributeValue.fromS(sk))));
      }
    }
    try (DynamoDbLocal local = DynamoDbLocal.persistent(0, dir)) {
      assertThat(local.client().query(b -> b.tableName("scim").keyConditionExpression("pk = :a")
          .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("A")))).count()).isEqualTo(50);
    }
  }

  @Test
  void tableFromDefinitionHasAStreamWithNewAndOldImages() {
    try (DynamoDbLocal local = DynamoDbLocal.inMemory()) {
      var dynamo = local.client();
      TableDefinition.load().createIfAbsent(dynamo, "scim");
      dynamo.putItem(b -> b.tableName("scim").item(ITEM));
      var streams = local.streamsClient();
      String arn = dynamo.describeTable(b -> b.tableName("scim")).table().latestStreamArn();
      var shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0);
      String iterator =
          streams
              .getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      var records = streams.getRecords(b -> b.shardIterator(iterator)).records();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).dynamodb().newImage()).containsEntry("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("A"));
    }
  }
}
