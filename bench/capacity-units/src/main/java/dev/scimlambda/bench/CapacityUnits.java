package dev.scimlambda.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IdpType;
import dev.scimlambda.dynamodblocal.DynamoDbLocal;
import dev.scimlambda.persistence.DynamoAccessGroupsStore;
import dev.scimlambda.persistence.DynamoAccountStore;
import dev.scimlambda.persistence.DynamoConnectionStore;
import dev.scimlambda.persistence.DynamoGroupStore;
import dev.scimlambda.persistence.DynamoPageCursorStore;
import dev.scimlambda.persistence.DynamoUserStore;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.groups.GroupListing;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.listing.ListQuery;
import dev.scimlambda.scim.listing.ListResult;
import dev.scimlambda.scim.rules.SchemaDocumentRules;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.users.AccountLinks;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserListing;
import dev.scimlambda.scim.users.Users;
import dev.scimlambda.table.TableDefinition;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Read and write capacity units per Users and Groups operation, measured on DynamoDB Local (which reports
 * ConsumedCapacity like the service), the cost of walking a directory page by page (the 10k walk
 * against the 1k walk of the same run shows whether the walk is linear), and what the stream function
 * spends deriving app users and {@code Group:} tags from those operations. Every row is also given as
 * a multiple of reading one user by id, measured in the same run.
 *
 * <p>API rows are the domain services on a metered client, without the per-request authentication
 * read. Stream rows are the real stream handler, fed the records the API rows wrote.
 *
 * <p>Run: {@code mvn -q -pl bench/capacity-units -am package -DskipTests && java -jar bench/capacity-units/target/capacity-units.jar}
 */
public final class CapacityUnits {

  private static final int PAGE = 100;
  /** Filters on meta.location see this base; the figures do not depend on it. */
  private static final String BASE_URL = "https://scim.example.com/scim/v2/c0";

  /**
   * The floor each row's key design allows (docs/data-model.md), as {RCU, WCU}: every item the access
   * pattern must touch, read once strongly (1 RCU up to 4 KB; a GSI query is eventual, 0.5) and written
   * once (1 WCU up to 1 KB; 2 inside a transaction, only where uniqueness needs one). The gap to the
   * measured units is overhead of the implementation: version reads, transactions where a conditional
   * write would do, checks. Rows whose floor depends on the stream's or the listing's internals have none.
   */
  private static final Map<String, double[]> MINIMUM = Map.ofEntries(
      Map.entry("get user by id", new double[] {1, 0}), // U2
      Map.entry("PATCH replace displayName", new double[] {1, 1}), // U2, then one conditional put: no guard changes
      Map.entry("filter userName eq", new double[] {2, 0}), // U3: the guard, then the user
      Map.entry("filter emails.value eq", new double[] {2, 0}), // U4: one lookup query, then the user
      // G8 for 10 users; G1: group, name guard, count in a transaction; 10 membership puts
      Map.entry("create group with 10 members", new double[] {10, 16}),
      Map.entry("GET group without members (excludedAttributes)", new double[] {1, 0}), // G2
      Map.entry("GET group with its 10 members", new double[] {2, 0}), // G2, G3 (10 small items in one 4 KB read)
      Map.entry("PATCH add 1 member", new double[] {2, 2}), // G2, G8; one membership put, the group's update
      Map.entry("PATCH add 100 members", new double[] {101, 101}), // G2, G8 x100; 100 puts, the group's update
      Map.entry("PATCH remove 1 member", new double[] {1, 2}), // G2; one delete, the group's update
      Map.entry("filter displayName eq", new double[] {2, 0}), // G4: the guard, then the group
      Map.entry("filter members.value eq", new double[] {1.5, 0}), // G5 on the GSI, then G2 of its one group
      Map.entry("get user with its groups", new double[] {1.5, 0})); // G5 on the GSI, G2 of its one group
  private static final int STREAM_GROUP_SIZE = 100;

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
      Report report = new Report(meter);
      TableDefinition.load().createIfAbsent(dynamo, "bench");
      TableAccess table = new TableAccess(dynamo, "bench");
      DynamoUserStore store = new DynamoUserStore(table);
      Clock clock = Clock.systemUTC();
      for (String connection : List.of("c0", "c1k", "c10k")) {
        new DynamoConnectionStore(table).create(
            new Connection(connection, "bench", "Bench", IdpType.GENERIC, "v1", null, null, clock.instant(), null, null));
      }
      DynamoGroupStore groupStore = new DynamoGroupStore(table);
      Groups groups = groups(groupStore);
      Users users = users(table, groups);
      UserListing listing = new UserListing(store, new DynamoPageCursorStore(table, Clock.systemUTC()));

      ScimUser ada = report.measure("create user (2 emails)", () -> users.create("c0", user(0)));
      report.baseline("get user by id", () -> users.get("c0", ada.id()));
      report.measure("PATCH replace displayName", () -> users.patch("c0", ada.id(), rename("Ada"), null));
      report.measure("filter userName eq", () -> listing.list("c0", query("userName eq \"user0@example.com\"", 1L), BASE_URL));
      report.measure("filter emails.value eq", () -> listing.list("c0", query("emails.value eq \"u0@work.example.com\"", 1L), BASE_URL));

      GroupListing groupListing = new GroupListing(groupStore, new DynamoPageCursorStore(table, Clock.systemUTC()));
      List<String> members = new ArrayList<>();
      for (int i = 1; i <= 110; i++) {
        members.add(users.create("c0", user(i)).id());
      }
      String group = report.measure("create group with 10 members",
          () -> groups.create("c0", groupJson("Marketing", members.subList(0, 10)))).group().id();
      report.measure("GET group without members (excludedAttributes)", () -> groups.get("c0", group, false));
      report.measure("GET group with its 10 members", () -> groups.get("c0", group, true));
      report.measure("PATCH add 1 member", () -> groups.patch("c0", group, addMembers(members.subList(10, 11)), null));
      report.measure("PATCH add 100 members", () -> groups.patch("c0", group, addMembers(members.subList(10, 110)), null));
      report.measure("PATCH remove 1 member", () -> groups.patch("c0", group, removeMember(members.get(0)), null));
      report.measure("filter displayName eq", () -> groupListing.list("c0", query("displayName eq \"marketing\"", 1L), BASE_URL));
      report.measure("filter members.value eq", () -> groupListing.list("c0", query("members.value eq \"" + members.get(5) + "\"", 1L), BASE_URL));
      report.measure("get user with its groups", () -> users.groups("c0", members.get(5)));
      report.measure("delete user in 1 group", () -> {
        users.delete("c0", members.get(5), null);
        return null;
      });
      report.measure("delete group of 109 members", () -> {
        groups.delete("c0", group, null);
        return null;
      });

      streamCosts(report, local, dynamo);

      double walk1k = walk(report, users, listing, "c1k", 1_000);
      double walk10k = walk(report, users, listing, "c10k", 10_000);
      report.print();
      System.out.printf("walk ratio 10k/1k (capacity units): %.2f (linear would be 10.0)%n", walk10k / walk1k);
    }
    // DynamoDB Local leaves non-daemon job threads behind after it stops, which would keep the JVM up for minutes.
    System.exit(0);
  }

  /**
   * On a table of its own, with a real connection: the stream function needs the connection's
   * workspace, and the walks' thousands of users would only add records it has to skip.
   */
  private static void streamCosts(Report report, DynamoDbLocal local, DynamoDbClient dynamo) {
    TableDefinition.load().createIfAbsent(dynamo, "bench-stream");
    try (MeteredStream stream = new MeteredStream(local, dynamo, "bench-stream")) {
      stream.context().getBean(Workspaces.class).ensureDefault();
      String connection = stream.context().getBean(Connections.class)
          .create(Workspaces.DEFAULT_ID, "Bench", "generic").connection().id();
      TableAccess table = new TableAccess(dynamo, "bench-stream");
      Groups groups = groups(new DynamoGroupStore(table));
      Users users = users(table, groups);
      List<String> members = new ArrayList<>();
      for (int i = 0; i < STREAM_GROUP_SIZE; i++) {
        members.add(users.create(connection, user(i)).id());
      }
      report.perItem("stream: app user of a created user", STREAM_GROUP_SIZE, stream::drain);
      String group = groups.create(connection, groupJson("Engineering", List.of())).group().id();
      stream.drain();
      groups.patch(connection, group, addMembers(members), null);
      report.perItem("stream: tags of an added member (100 added)", STREAM_GROUP_SIZE, stream::drain);
      report.measure("PATCH rename group of 100 members", () -> groups.patch(connection, group, rename("Platform"), null));
      report.perItem("stream: rename, per member (100 members)", STREAM_GROUP_SIZE, stream::drain);
      groups.patch(connection, group, removeMember(members.get(0)), null);
      report.perItem("stream: tags of a removed member", 1, stream::drain);
    }
  }

  private static Groups groups(DynamoGroupStore store) {
    return new Groups(store, new SchemaDocumentRules(ScimSchemas.group()), Clock.systemUTC());
  }

  private static Users users(TableAccess table, Groups groups) {
    DynamoAccountStore accounts = new DynamoAccountStore(table);
    return new Users(new DynamoUserStore(table), new SchemaDocumentRules(ScimSchemas.user()), Clock.systemUTC(), groups,
        new AccountLinks(new Accounts(accounts, new DynamoAccessGroupsStore(table), Clock.systemUTC()), new SeatLedger(accounts, Clock.systemUTC(), SeatLedger.DEFAULT_RECONCILIATION_INTERVAL),
            new ConnectionWorkspaces(new DynamoConnectionStore(table))));
  }

  private static double walk(Report report, Users users, UserListing listing, String connection, int size) {
    for (int i = 0; i < size; i++) {
      users.create(connection, user(i));
    }
    long[] seen = {0};
    double units = report.perItem("walk " + size + " users, pages of " + PAGE, 1, () -> {
      for (long start = 1; start <= size; start += PAGE) {
        seen[0] += listing.list(connection, query(null, start), BASE_URL).resources().size();
      }
    });
    if (seen[0] != size) {
      throw new IllegalStateException("walk saw " + seen[0] + " of " + size);
    }
    return units;
  }

  /**
   * Rows kept until the end, so each is printed as a multiple of the baseline: reading one user by
   * id, a single strongly consistent GetItem of an item under 4 KB.
   */
  private static final class Report {

    private record Row(String name, double read, double write) {}

    private final CapacityMeter meter;
    private final List<Row> rows = new ArrayList<>();
    private double baseline = Double.NaN;

    Report(CapacityMeter meter) {
      this.meter = meter;
    }

    <T> T measure(String name, Supplier<T> operation) {
      meter.reset();
      T result = operation.get();
      add(name, meter.reset(), 1);
      return result;
    }

    /** The units of {@code operation} divided by the {@code items} it worked on, read and write together. */
    double perItem(String name, int items, Runnable operation) {
      meter.reset();
      operation.run();
      return add(name, meter.reset(), items);
    }

    void baseline(String name, Supplier<?> operation) {
      measure(name, operation);
      Row row = rows.get(rows.size() - 1);
      baseline = row.read() + row.write();
    }

    private double add(String name, CapacityMeter.Totals totals, int items) {
      rows.add(new Row(name, totals.read() / items, totals.write() / items));
      return (totals.read() + totals.write()) / items;
    }

    void print() {
      System.out.printf("%-48s %9s %9s %12s %14s %11s%n", "operation", "RCU", "WCU", "x get user", "minimum R+W",
          "x minimum");
      for (Row row : rows) {
        double[] minimum = MINIMUM.get(row.name());
        System.out.printf("%-48s %9.2f %9.2f %12.2f %14s %11s%n", row.name(), row.read(), row.write(),
            (row.read() + row.write()) / baseline,
            minimum == null ? "-" : String.format("%.1f + %.0f", minimum[0], minimum[1]),
            minimum == null ? "-" : String.format("%.2f", (row.read() + row.write()) / (minimum[0] + minimum[1])));
      }
    }
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

  private static JsonNode removeMember(String memberId) {
    return json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"remove\","
        + "\"path\":\"members[value eq \\\"" + memberId + "\\\"]\"}]}");
  }

  private static JsonNode rename(String displayName) {
    return json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
        + "\"path\":\"displayName\",\"value\":\"" + displayName + "\"}]}");
  }

  private static JsonNode json(String text) {
    try {
      return ScimJson.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
