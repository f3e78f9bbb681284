package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.Contention;
import dev.scimlambda.scim.ScimException;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.ScimType;
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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A group PATCH, PUT or POST is all or nothing (RFC 7644 §3.5.2), over a real table. Crashes are
 * injected: a client that dies (throws, as a killed function would stop) before its Nth write.
 */
class GroupChangeAtomicityTest {

  private final TableAccess table = TableFixture.newTable();
  private final DynamoUserStore users = new DynamoUserStore(table);
  private final Groups groups = groupsOver(table);

  private static Groups groupsOver(TableAccess table) {
    return new Groups(new DynamoGroupStore(table), new SchemaDocumentRules(ScimSchemas.group()), Clock.systemUTC());
  }

  /** A process killed before its {@code failAt}th write: earlier writes happened, no later one does. */
  static final class Crash extends RuntimeException {
    Crash() {
      super("killed");
    }
  }

  private static DynamoDbClient crashingBeforeWrite(DynamoDbClient real, int failAt, AtomicInteger writes) {
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

  private static DynamoDbClient conflicting(DynamoDbClient real) {
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

  private List<String> users(int n) {
    List<String> ids = IntStream.range(0, n).mapToObj(i -> String.format("u%04d", i)).toList();
    Instant now = Instant.now();
    for (String id : ids) {
      users.create(new ScimUser("c1", id, ScimJson.MAPPER.createObjectNode().put("userName", id), id, null, Set.of(),
          true, now, now, 1));
    }
    return ids;
  }

  private static ObjectNode group(String displayName, List<String> memberIds) {
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    body.putArray("schemas").add(ScimSchemas.GROUP);
    body.put("displayName", displayName);
    ArrayNode members = body.putArray("members");
    memberIds.forEach(id -> members.addObject().put("value", id));
    return body;
  }

  private static ObjectNode patch(JsonNode... operations) {
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    body.putArray("schemas").add(ScimPatch.PATCH_OP);
    ArrayNode ops = body.putArray("Operations");
    for (JsonNode op : operations) {
      ops.add(op);
    }
    return body;
  }

  private static ObjectNode addMembers(List<String> ids) {
    ObjectNode op = ScimJson.MAPPER.createObjectNode().put("op", "add").put("path", "members");
    ArrayNode value = op.putArray("value");
    ids.forEach(id -> value.addObject().put("value", id));
    return op;
  }

  private static ObjectNode rename(String displayName) {
    return ScimJson.MAPPER.createObjectNode().put("op", "replace").put("path", "displayName").put("value", displayName);
  }

  private List<String> memberIds(Groups over, String groupId) {
    return over.members("c1", groupId).stream().map(Member::value).toList();
  }

  private static ScimException rejection(Runnable request) {
    try {
      request.run();
    } catch (ScimException e) {
      return e;
    }
    throw new AssertionError("not rejected");
  }

  @Test
  void aPatchAddingAMemberAndRenamingToATakenNameAnswers409AndAddsNoMember() {
    List<String> ids = users(2);
    groups.create("c1", group("Sales", List.of()));
    String marketing = groups.create("c1", group("Marketing", List.of(ids.get(0)))).group().id();

    ScimException refused = rejection(() -> groups.patch("c1", marketing, patch(addMembers(List.of(ids.get(1))), rename("sales")), null));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.scimType()).isEqualTo(ScimType.uniqueness);
    assertThat(memberIds(groups, marketing)).containsExactly(ids.get(0));
    assertThat(groups.get("c1", marketing).displayName()).isEqualTo("Marketing");
    assertThat(groups.get("c1", marketing).version()).isEqualTo(1);
  }

  @Test
  void aPatchWithAnInvalidOperationAfterValidMemberAddsChangesNothing() {
    List<String> ids = users(2);
    String marketing = groups.create("c1", group("Marketing", List.of(ids.get(0)))).group().id();
    ObjectNode invalid = ScimJson.MAPPER.createObjectNode().put("op", "replace").put("path", "nosuchattribute").put("value", "x");

    ScimException refused = rejection(() -> groups.patch("c1", marketing, patch(addMembers(List.of(ids.get(1))), invalid), null));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(memberIds(groups, marketing)).containsExactly(ids.get(0));
    assertThat(groups.get("c1", marketing).version()).isEqualTo(1);
  }

  @Test
  void aPatchAddingAnUnknownMemberAmongValidOnesChangesNothing() {
    List<String> ids = users(2);
    String marketing = groups.create("c1", group("Marketing", List.of())).group().id();

    ScimException refused = rejection(() ->
        groups.patch("c1", marketing, patch(addMembers(List.of(ids.get(0), "nobody")), rename("Renamed")), null));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(memberIds(groups, marketing)).isEmpty();
    assertThat(groups.get("c1", marketing).displayName()).isEqualTo("Marketing");
  }

  @Test
  void aSmallPatchIsOneTransaction() {
    List<String> ids = users(40);
    String marketing = groups.create("c1", group("Marketing", List.of())).group().id();
    AtomicInteger writes = new AtomicInteger();
    Groups counted = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), Integer.MAX_VALUE, writes), table.tableName()));

    counted.patch("c1", marketing, patch(addMembers(ids), rename("Renamed")), null);

    assertThat(writes).hasValue(1);
    assertThat(memberIds(groups, marketing)).containsExactlyElementsOf(ids);
    assertThat(groups.get("c1", marketing).memberCount()).isEqualTo(40);
  }

  @Test
  void aCrashDuringA250MemberAddIsCompletedByTheNextReadExactlyOnce() {
    List<String> ids = users(250);
    String marketing = groups.create("c1", group("Marketing", List.of(ids.get(0)))).group().id();
    for (int failAt = 1; failAt <= 14; failAt++) {
      AtomicInteger writes = new AtomicInteger();
      Groups crashing = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), failAt, writes), table.tableName()));
      assertThatThrownBy(() -> crashing.patch("c1", marketing, patch(addMembers(ids), rename("Renamed")), null))
          .isInstanceOf(Crash.class);
      // The next read (a GET reads the group, then its members) sees the change whole or not at all.
      String name = groups.get("c1", marketing).displayName();
      List<String> seen = memberIds(groups, marketing);
      if (name.equals("Renamed")) {
        assertThat(seen).as("after a crash before write %d", failAt).containsExactlyElementsOf(ids);
        assertThat(groups.get("c1", marketing).memberCount()).isEqualTo(250);
      } else {
        assertThat(seen).as("after a crash before write %d", failAt).containsExactly(ids.get(0));
      }
      // The IdP's retry completes it exactly.
      groups.patch("c1", marketing, patch(addMembers(ids), rename("Renamed")), null);
      assertThat(memberIds(groups, marketing)).containsExactlyElementsOf(ids);
      assertThat(groups.get("c1", marketing).memberCount()).isEqualTo(250);
      ObjectNode backToOne = ScimJson.MAPPER.createObjectNode().put("op", "replace").put("path", "members");
      backToOne.putArray("value").addObject().put("value", ids.get(0));
      groups.patch("c1", marketing, patch(backToOne, rename("Marketing")), null);
      assertThat(memberIds(groups, marketing)).containsExactly(ids.get(0));
      assertThat(groups.get("c1", marketing).memberCount()).isEqualTo(1);
    }
  }

  @Test
  void a60MemberCreateIsOneTransactionSoACrashLeavesNothingAndTheRetryCreatesItWhole() {
    List<String> ids = users(60);
    AtomicInteger writes = new AtomicInteger();
    Groups counted = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), Integer.MAX_VALUE, writes), table.tableName()));
    counted.create("c1", group("Counted", ids));
    assertThat(writes).hasValue(1);

    Groups crashing = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), 1, new AtomicInteger()), table.tableName()));
    assertThatThrownBy(() -> crashing.create("c1", group("Team", ids))).isInstanceOf(Crash.class);
    var retried = groups.create("c1", group("Team", ids));

    assertThat(memberIds(groups, retried.group().id())).containsExactlyElementsOf(ids);
    assertThat(groups.get("c1", retried.group().id()).memberCount()).isEqualTo(60);
  }

  @Test
  void aCrashDuringA250MemberCreateIsCompletedByTheRetry() {
    List<String> ids = users(250);
    for (int failAt = 1; failAt <= 15; failAt++) {
      String name = "Big " + failAt;
      AtomicInteger writes = new AtomicInteger();
      Groups crashing = groupsOver(new TableAccess(crashingBeforeWrite(table.dynamo(), failAt, writes), table.tableName()));
      assertThatThrownBy(() -> crashing.create("c1", group(name, ids))).isInstanceOf(Crash.class);

      var retried = groups.create("c1", group(name, ids));

      assertThat(retried.group().displayName()).isEqualTo(name);
      assertThat(memberIds(groups, retried.group().id())).as("after a crash before write %d", failAt)
          .containsExactlyElementsOf(ids);
      assertThat(groups.get("c1", retried.group().id()).memberCount()).isEqualTo(250);
      assertThat(rejection(() -> groups.create("c1", group(name, ids))).status())
          .as("a second retry, after the first was answered").isEqualTo(409);
    }
  }

  private long changeParts(String groupId) {
    return table.itemsWithPrefix(KeySchema.groupMembersPartition("c1", groupId), "CHANGE#", true).count();
  }

  @Test
  void a250MemberAddWithARenameToATakenNameAnswers409AndLeavesNothingBehind() {
    List<String> ids = users(250);
    groups.create("c1", group("Sales", List.of()));
    String marketing = groups.create("c1", group("Marketing", List.of())).group().id();

    ScimException refused = rejection(() -> groups.patch("c1", marketing, patch(addMembers(ids), rename("SALES")), null));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.scimType()).isEqualTo(ScimType.uniqueness);
    assertThat(groups.get("c1", marketing).version()).isEqualTo(1);
    assertThat(memberIds(groups, marketing)).isEmpty();
    assertThat(changeParts(marketing)).isZero();
  }

  @Test
  void aCompletedStagedChangeLeavesOnlyTheGroupAndItsMembers() {
    List<String> ids = users(250);
    String marketing = groups.create("c1", group("Marketing", ids)).group().id();

    groups.patch("c1", marketing, patch(rename("Renamed"), ScimJson.MAPPER.createObjectNode().put("op", "remove").put("path", "members")), null);

    assertThat(changeParts(marketing)).isZero();
    assertThat(table.dynamo().getItem(b -> b.tableName(table.tableName())
        .key(java.util.Map.of(KeySchema.PK, Item.s(KeySchema.connectionPartition("c1")), KeySchema.SK, Item.s(KeySchema.groupSk(marketing)))))
        .item()).doesNotContainKeys(DynamoGroupStore.PENDING_CHANGE, DynamoGroupStore.UNANSWERED_CREATE);
    assertThat(memberIds(groups, marketing)).isEmpty();
    assertThat(groups.get("c1", marketing).memberCount()).isZero();
    assertThat(groups.get("c1", marketing).version()).isEqualTo(2);
  }

  @Test
  void completingAStagedChangeOverwritesNoActivityRevision() {
    java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> pending = new java.util.HashMap<>(
        java.util.Map.of("entity", Item.s(DynamoGroupStore.ENTITY), "connectionId", Item.s("c1"), "id", Item.s("g1"),
            "document", Item.s("{\"displayName\":\"Marketing\"}"), "version", Item.n(2), "memberCount", Item.n(250),
            "lastModified", Item.s(Instant.now().toString()), DynamoGroupStore.PENDING_CHANGE, Item.s("change")));
    var complete = new java.util.HashMap<>(pending);
    complete.remove(DynamoGroupStore.PENDING_CHANGE);

    assertThat(DynamoActivityStore.revisionOf(pending, complete)).isEmpty();
  }

  @Test
  void aRetriedCreateOfADifferentGroupWithATakenNameStillAnswers409() {
    List<String> ids = users(2);
    groups.create("c1", group("Sales", List.of(ids.get(0))));

    ScimException refused = rejection(() -> groups.create("c1", group("Sales", List.of(ids.get(1)))));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.scimType()).isEqualTo(ScimType.uniqueness);
  }

  @Test
  void contentionThatPersistsIsContentionNot409AndChangesNothing() {
    List<String> ids = users(1);
    String marketing = groups.create("c1", group("Marketing", List.of())).group().id();
    Groups contended = groupsOver(new TableAccess(conflicting(table.dynamo()), table.tableName()));

    assertThatThrownBy(() -> contended.patch("c1", marketing, patch(addMembers(ids), rename("Renamed")), null))
        .isInstanceOfSatisfying(Contention.class, e -> assertThat(e.retryAfter()).isPositive());
    assertThat(memberIds(groups, marketing)).isEmpty();
    assertThat(groups.get("c1", marketing).displayName()).isEqualTo("Marketing");
  }
}
