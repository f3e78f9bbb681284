package dev.scimlambda.persistence;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.groups.Member;
import dev.scimlambda.scim.patch.ScimPatch;
import dev.scimlambda.scim.rules.SchemaDocumentRules;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.users.ScimUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A table, its user and group stores, and the crashes and conflicts the group-change specifications
 * inject: a client that dies (throws, as a killed function would stop) before its Nth write.
 */
abstract class GroupChangeFixture {

  final TableAccess table = TableFixture.newTable();
  final DynamoUserStore users = new DynamoUserStore(table);
  final Groups groups = groupsOver(table);

  static Groups groupsOver(TableAccess table) {
    return new Groups(new DynamoGroupStore(table), new SchemaDocumentRules(ScimSchemas.group()), Clock.systemUTC());
  }

  /** A process killed before its {@code failAt}th write: earlier writes happened, no later one does. */
  static final class Crash extends RuntimeException {
    Crash() {
      super("killed");
    }
  }

  static DynamoDbClient crashingBeforeWrite(DynamoDbClient real, int failAt, AtomicInteger writes) {
    return (DynamoDbClient) Proxy.newProxyInstance(
        DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          String name = method.getName();
          boolean write = name.equals("transactWriteItems") || name.equals("batchWriteItem") || name.equals("putItem")
              || name.equals("updateItem") || name.equals("deleteItem");
          if (write && writes.incrementAndGet() >= failAt) {
            throw new Crash();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  static DynamoDbClient conflicting(DynamoDbClient real) {
    return (DynamoDbClient) Proxy.newProxyInstance(
        DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("transactWriteItems")) {
            throw TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build())
                .build();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  List<String> users(int n) {
    List<String> ids = IntStream.range(0, n).mapToObj(i -> String.format("u%04d", i)).toList();
    Instant now = Instant.now();
    for (String id : ids) {
      users.create(new ScimUser("c1", id, ScimJson.MAPPER.createObjectNode().put("userName", id), id, null, Set.of(),
          true, now, now, 1));
    }
    return ids;
  }

  static ObjectNode group(String displayName, List<String> memberIds) {
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    body.putArray("schemas").add(ScimSchemas.GROUP);
    body.put("displayName", displayName);
    ArrayNode members = body.putArray("members");
    memberIds.forEach(id -> members.addObject().put("value", id));
    return body;
  }

  static ObjectNode patch(JsonNode... operations) {
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    body.putArray("schemas").add(ScimPatch.PATCH_OP);
    ArrayNode ops = body.putArray("Operations");
    for (JsonNode op : operations) {
      ops.add(op);
    }
    return body;
  }

  static ObjectNode addMembers(List<String> ids) {
    ObjectNode op = ScimJson.MAPPER.createObjectNode().put("op", "add").put("path", "members");
    ArrayNode value = op.putArray("value");
    ids.forEach(id -> value.addObject().put("value", id));
    return op;
  }

  static ObjectNode rename(String displayName) {
    return ScimJson.MAPPER.createObjectNode().put("op", "replace").put("path", "displayName").put("value", displayName);
  }

  List<String> memberIds(Groups over, String groupId) {
    return over.members("c1", groupId).stream().map(Member::value).toList();
  }

  static Problem rejection(Runnable request) {
    try {
      request.run();
    } catch (Problem e) {
      return e;
    }
    throw new AssertionError("not rejected");
  }
}
