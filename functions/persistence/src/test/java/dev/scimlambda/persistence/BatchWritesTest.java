package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.scim.groups.Member;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchWritesTest {

  private final TableAccess real = TableFixture.newTable();
  private final List<Integer> batchSizes = new ArrayList<>();

  /** A client that, like a throttled table, writes only the first item of every other batch and returns the rest. */
  private TableAccess throttled() {
    DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("batchWriteItem") && args[0] instanceof BatchWriteItemRequest request) {
            List<WriteRequest> items = request.requestItems().get(real.tableName());
            batchSizes.add(items.size());
            if (batchSizes.size() % 2 == 1 && items.size() > 1) {
              real.dynamo().batchWriteItem(BatchWriteItemRequest.builder()
                  .requestItems(Map.of(real.tableName(), items.subList(0, 1))).build());
              return BatchWriteItemResponse.builder()
                  .unprocessedItems(Map.of(real.tableName(), items.subList(1, items.size()))).build();
            }
          }
          try {
            return method.invoke(real.dynamo(), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return new TableAccess(client, real.tableName());
  }

  @Test
  void unprocessedItemsAreResentUntilEveryMemberIsWritten() {
    DynamoGroupStore store = new DynamoGroupStore(throttled());
    List<Member> members = IntStream.range(0, 60).mapToObj(i -> new Member(String.format("u%02d", i), Member.USER, null)).toList();
    store.putMembers("c1", "g1", members);
    assertThat(new DynamoGroupStore(real).countMembers("c1", "g1")).isEqualTo(60);
    assertThat(batchSizes).allMatch(size -> size <= BatchWrites.BATCH_SIZE);
    assertThat(batchSizes.size()).isGreaterThan(3);
    store.removeMembers("c1", "g1", members.stream().map(Member::value).toList());
    assertThat(new DynamoGroupStore(real).countMembers("c1", "g1")).isZero();
  }
}
