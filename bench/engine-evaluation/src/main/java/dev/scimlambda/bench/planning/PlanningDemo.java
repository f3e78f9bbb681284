package dev.scimlambda.bench.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Can our code walk each engine's filter AST to plan a DynamoDB query, and where does caseExact come from? */
public final class PlanningDemo {

  static final List<String> FILTERS = List.of(
      "userName eq \"BJensen@Example.com\"",
      "externalId eq \"701984\" or userName eq \"bjensen@example.com\"",
      "userName eq \"bjensen@example.com\" and active eq true",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen@example.com\"",
      "emails[type eq \"work\" and value co \"@example.com\"] or userName eq \"bjensen\"",
      "meta.lastModified gt \"2011-05-13T04:42:34Z\"");

  private PlanningDemo() {}

  public static void run(ResourceType captainGoldfishUsers, ObjectNode user, PrintStream out) throws Exception {
    out.println("| filter | UnboundID (FilterVisitor) | captaingoldfish (FilterNode tree) |");
    out.println("|---|---|---|");
    for (String filter : FILTERS) {
      out.printf("| `%s` | %s | %s |%n", filter, UnboundIdPlanner.plan(filter),
          CaptainGoldfishPlanner.plan(captainGoldfishUsers, filter));
    }

    out.println();
    out.println("caseExact (RFC 7644 §3.4.2.2: string comparisons follow the attribute's caseExact; `id` is caseExact, RFC 7643 §3.1):");
    out.println();
    String upperId = "id eq \"" + user.get("id").asText().toUpperCase(Locale.ROOT) + "\"";
    Filter filter = Filter.fromString(upperId);
    FilterEvaluator ourSchema = new FilterEvaluator() {
      @Override
      protected AttributeDefinition getAttributeDefinition(Path path) {
        String name = path.getLastElement().getAttribute();
        return new AttributeDefinition.Builder().setName(name).setType(AttributeDefinition.Type.STRING)
            .setCaseExact(Set.of("id", "externalid").contains(name.toLowerCase(Locale.ROOT))).build();
      }
    };
    out.printf("- UnboundID `FilterEvaluator.evaluate(%s)` as shipped (no schema, every string case-insensitive): %s%n",
        upperId, FilterEvaluator.evaluate(filter, user));
    out.printf("- UnboundID `FilterEvaluator` subclass whose `getAttributeDefinition(Path)` answers from our schema: %s%n",
        filter.visit(ourSchema, user));
    out.printf("- The PATCH value filters (`JsonUtils.removeValues` & co.) call the static `FilterEvaluator.evaluate`, so they are "
        + "always case-insensitive; captaingoldfish's leaves carry `isCaseExact()` from its own schema (id: %s, userName: %s).%n",
        de.captaingoldfish.scim.sdk.server.utils.RequestUtils.parseFilter(captainGoldfishUsers, upperId) instanceof
            de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf leaf ? leaf.isCaseExact() : "?",
        de.captaingoldfish.scim.sdk.server.utils.RequestUtils.parseFilter(captainGoldfishUsers, FILTERS.get(0)) instanceof
            de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf leaf2 ? leaf2.isCaseExact() : "?");
  }

  /** For a quick look from a shell. */
  public static void main(String[] args) throws Exception {
    var engine = dev.scimlambda.bench.conformance.CaptainGoldfishEngine.create(false);
    run(engine.endpoint().getResourceTypeByName("User").orElseThrow(),
        (ObjectNode) new ObjectMapper().readTree(dev.scimlambda.bench.Documents.USER), System.out);
  }
}
