package dev.scimlambda.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.dynamodblocal.DynamoDbLocal;
import dev.scimlambda.persistence.DynamoGroupStore;
import dev.scimlambda.persistence.DynamoPageCursorStore;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.appusers.SeatLedger;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.connection.IdpType;
import dev.scimlambda.persistence.DynamoAccountStore;
import dev.scimlambda.persistence.DynamoConnectionStore;
import dev.scimlambda.persistence.DynamoUserStore;
import dev.scimlambda.scim.users.AccountLinks;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.GroupListing;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.resource.SchemaDocumentRules;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.listing.ListQuery;
import dev.scimlambda.scim.listing.ListResult;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserListing;
import dev.scimlambda.scim.users.Users;
import dev.scimlambda.table.TableDefinition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Read and write capacity units per Users and Groups operation, measured on DynamoDB Local (which reports
 * ConsumedCapacity like the service), and the cost of walking a directory page by page: the 10k
 * walk against the 1k walk of the same run shows whether the walk is linear.
 *
 * <p>Run: {@code mvn -q -pl bench/capacity-units -am package -DskipTests && java -jar bench/capacity-units/target/capacity-units.jar}
 */
public final class CapacityUnits {

  private static final int PAGE = 100;

  public static void main(String[] args) throws Exception {
    try (DynamoDbLocal local = DynamoDbLocal.inMemory()) {
      CapacityMeter meter = new CapacityMeter();
      DynamoDbClient dynamo = DynamoDbClient.builder()
          .endpointOverride(local.endpoint())
          .region(DynamoDbLocal.REGION)
          .credentialsProvider(DynamoDbLocal.credentials())
          .httpClient(UrlConnectionHttpClient.create())
          .overrideConfiguration(c -> c.addExecutionInterceptor(meter))
          .build();
      TableDefinition.load().createIfAbsent(dynamo, "bench");
      TableAccess table = new TableAccess(dynamo, "bench");
      DynamoUserStore store = new DynamoUserStore(table);
      Clock clock = Clock.systemUTC();
      DynamoConnectionStore connections = new DynamoConnectionStore(table);
      connections.create(new Connection("c0", "bench", "Bench", IdpType.GENERIC, "v1", null, null, clock.instant(), null, null));
      DynamoAccountStore accounts = new DynamoAccountStore(table);
      Users users = new Users(store, new SchemaDocumentRules(ScimSchemas.user()), clock,
          new Groups(new DynamoGroupStore(table), new SchemaDocumentRules(ScimSchemas.group()), clock),
          new AccountLinks(new Accounts(accounts, clock), new SeatLedger(accounts, clock, SeatLedger.DEFAULT_RECONCILIATION_INTERVAL), new ConnectionWorkspaces(connections)));
      UserListing listing = new UserListing(store, new DynamoPageCursorStore(table, Clock.systemUTC()));

      System.out.println("operation                                   RCU       WCU");
      ScimUser ada = measure(meter, "create user (2 emails)", () -> users.create("c0", user(0)));
      measure(meter, "get user by id", () -> users.get("c0", ada.id()));
      measure(meter, "PATCH replace displayName", () -> users.patch("c0", ada.id(), patchDisplayName(), null));
      measure(meter, "filter userName eq", () -> listing.list("c0", query("userName eq \"user0@example.com\"", 1L)));
      measure(meter, "filter emails.value eq", () -> listing.list("c0", query("emails.value eq \"u0@work.example.com\"", 1L)));

      DynamoGroupStore groupStore = new DynamoGroupStore(table);
      Groups groups = new Groups(groupStore, new SchemaDocumentRules(ScimSchemas.group()), Clock.systemUTC());
      GroupListing groupListing = new GroupListing(groupStore, new DynamoPageCursorStore(table, Clock.systemUTC()));
      List<String> members = new ArrayList<>();
      for (int i = 1; i <= 110; i++) {
        members.add(users.create("c0", user(i)).id());
      }
      String group = measure(meter, "create group with 10 members",
          () -> groups.create("c0", groupJson("Marketing", members.subList(0, 10)))).group().id();
      measure(meter, "get group, excludedAttributes=members", () -> groups.get("c0", group, false));
      measure(meter, "get group with its 10 members", () -> groups.get("c0", group, true));
      measure(meter, "PATCH add 1 member", () -> groups.patch("c0", group, addMembers(members.subList(10, 11)), null));
      measure(meter, "PATCH add 100 members", () -> groups.patch("c0", group, addMembers(members.subList(10, 110)), null));
      measure(meter, "PATCH remove 1 member", () -> groups.patch("c0", group, json(
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"remove\","
              + "\"path\":\"members[value eq \\\"" + members.get(0) + "\\\"]\"}]}"), null));
      measure(meter, "filter displayName eq", () -> groupListing.list("c0", query("displayName eq \"marketing\"", 1L)));
      measure(meter, "filter members.value eq", () -> groupListing.list("c0", query("members.value eq \"" + members.get(5) + "\"", 1L)));
      measure(meter, "get user with its groups", () -> users.groups("c0", members.get(5)));
      measure(meter, "delete user in 1 group", () -> {
        users.delete("c0", members.get(5), null);
        return null;
      });
      measure(meter, "delete group of 109 members", () -> {
        groups.delete("c0", group, null);
        return null;
      });

      double walk1k = walk(meter, users, listing, "c1k", 1_000);
      double walk10k = walk(meter, users, listing, "c10k", 10_000);
      System.out.printf("walk ratio 10k/1k (capacity units): %.2f (linear would be 10.0)%n", walk10k / walk1k);
    }
  }

  private static double walk(CapacityMeter meter, Users users, UserListing listing, String connection, int size) {
    for (int i = 0; i < size; i++) {
      users.create(connection, user(i));
    }
    meter.reset();
    long seen = 0;
    for (long start = 1; start <= size; start += PAGE) {
      seen += listing.list(connection, query(null, start)).resources().size();
    }
    CapacityMeter.Totals totals = meter.reset();
    if (seen != size) {
      throw new IllegalStateException("walk saw " + seen + " of " + size);
    }
    System.out.printf("%-40s %8.1f %9.1f%n", "walk " + size + " users, pages of " + PAGE, totals.read(), totals.write());
    return totals.read() + totals.write();
  }

  private static <T> T measure(CapacityMeter meter, String name, java.util.function.Supplier<T> operation) {
    meter.reset();
    T result = operation.get();
    CapacityMeter.Totals totals = meter.reset();
    System.out.printf("%-40s %8.1f %9.1f%n", name, totals.read(), totals.write());
    return result;
  }

  private static ListQuery query(String filter, Long startIndex) {
    return new ListQuery(filter, null, null, startIndex, PAGE, null, List.of(), List.of());
  }

  private static JsonNode user(int i) {
    return json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"user" + i
        + "@example.com\",\"name\":{\"givenName\":\"User\",\"familyName\":\"N" + i + "\"},\"emails\":[{\"type\":\"work\",\"value\":\"u"
        + i + "@work.example.com\",\"primary\":true},{\"type\":\"home\",\"value\":\"u" + i + "@home.example.com\"}]}");
  }

  private static JsonNode groupJson(String displayName, List<String> memberIds) {
    return json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + displayName
        + "\",\"members\":[" + memberIds.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(",")) + "]}");
  }

  private static JsonNode addMembers(List<String> memberIds) {
    return json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
        + "\"path\":\"members\",\"value\":[" + memberIds.stream().map(id -> "{\"value\":\"" + id + "\"}")
        .collect(Collectors.joining(",")) + "]}]}");
  }

  private static JsonNode patchDisplayName() {
    return json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada\"}]}");
  }

  private static JsonNode json(String text) {
    try {
      return ScimJson.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
