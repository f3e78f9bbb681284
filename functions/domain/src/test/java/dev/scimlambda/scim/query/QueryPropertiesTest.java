package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.ENTERPRISE;
import static dev.scimlambda.scim.query.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.query.QueryPlan.IndexLookup;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever a client sends, the query parameters end in a result or a 400 with the right
 * {@code scimType}: never another exception (a 500). Filters come as arbitrary text, as soup of
 * filter tokens, and from a grammar of attribute paths, operators, values, and/or/not, parentheses
 * and value filters; they are evaluated against RFC 7643's Barbara Jensen and against documents of
 * odd casing and wrong shapes.
 */
class QueryPropertiesTest {

  private static final List<String> PATHS = List.of(
      "userName", "USERNAME", "name", "name.familyName", "Name.GivenName", "displayName", "title", "userType",
      "active", "password", "emails", "emails.value", "EMAILS.TYPE", "emails.primary", "phoneNumbers.value",
      "addresses.postalCode", "groups.display", "groups.$ref", "x509Certificates.value", "id", "externalId",
      "schemas", "meta", "meta.lastModified", "meta.created", "meta.version", "meta.resourceType",
      ENTERPRISE + ":department", ENTERPRISE + ":manager", ENTERPRISE + ":manager.value", ENTERPRISE,
      "urn:ietf:params:scim:schemas:core:2.0:User:userName", "urn:example:custom:1.0:User:badge",
      "favouriteColour", "name.familyName.extra", "a-b_c");

  private static final List<String> COMPLEX = List.of("emails", "Emails", "phoneNumbers", "addresses", "groups", "name",
      "meta", "userName", "active", "unknownThing", ENTERPRISE + ":manager");

  private static final List<String> SUB_PATHS = List.of("value", "VALUE", "type", "primary", "display", "postalCode",
      "familyName", "lastModified", "nothing", "value.deeper");

  private static final List<String> OPERATORS = List.of("eq", "EQ", "ne", "co", "sw", "ew", "gt", "Ge", "lt", "le");

  private static final List<String> STRINGS = List.of("bjensen@example.com", "BJENSEN@EXAMPLE.COM", " bjensen@example.com ",
      "babs@jensen.org", "701984", Fixtures.BJENSEN_ID, "work", "home", "Employee", "Tour Guide", "Tour Operations",
      "2011-05-13T04:42:34Z", "2010-01-23T04:56:22+01:00", "2011-05-13T04:42:34", "", "x", "true",
      "26118915-6090-4610-87e4-49d8ca9f808d", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");

  private static final List<String> TOKENS = List.of("userName", "emails", "emails.value", "name.familyName", ENTERPRISE,
      ":", ".", "[", "]", "(", ")", "\"x\"", "\"", "\\", "eq", "pr", "gt", "co", "and", "or", "not", "true", "null",
      "1", "1e999", "-0.5", ".value", "type eq \"work\"", "\"2011-05-13T04:42:34Z\"", "$ref", " ", "  ", ",");

  @Property
  void anyTextParsesToAFilterOrIsA400InvalidFilter(@ForAll String text) {
    parseOrRejectAsInvalidFilter(text);
  }

  @Property
  void anySoupOfFilterTokensParsesToAFilterOrIsA400InvalidFilter(@ForAll("tokenSoup") String text) {
    parseOrRejectAsInvalidFilter(text);
  }

  @Property
  void filtersFromTheGrammarParseUnlessTooLong(@ForAll("filters") String text) {
    if (text.length() <= ScimFilters.MAX_LENGTH) {
      assertThat(ScimFilters.parse(text)).isNotNull();
    } else {
      parseOrRejectAsInvalidFilter(text);
    }
  }

  @Property
  void evaluatingAParsedFilterAnswersOrIsA400InvalidFilter(
      @ForAll("filters") String text, @ForAll("documents") ObjectNode document) {
    Filter filter = parsed(text);
    if (filter == null) {
      return;
    }
    try {
      FilterEvaluator.matches(filter, document, USER);
    } catch (Problem e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.scimType()).isEqualTo(ScimType.invalidFilter);
    }
  }

  @Property
  void anIndexLookupFindsEveryResourceTheFilterMatches(
      @ForAll("lookupFilters") String text, @ForAll("documents") ObjectNode document) {
    Filter filter = parsed(text);
    if (filter == null || !(FilterPlanner.users().plan(filter) instanceof IndexLookup lookup)) {
      return;
    }
    boolean matches;
    try {
      matches = FilterEvaluator.matches(lookup.filter(), document, USER);
    } catch (Problem e) {
      return;
    }
    if (matches) {
      assertThat(FilterPlanner.users().indexKeys(document).get(lookup.attribute())).contains(lookup.key());
    }
  }

  @Property
  void anyAttributeListParsesOrIsA400InvalidPath(@ForAll String text) {
    try {
      assertThat(AttributeList.parse(text)).allSatisfy(path -> assertThat(path).isNotBlank());
    } catch (Problem e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.scimType()).isEqualTo(ScimType.invalidPath);
    }
  }

  @Property
  void anyListOfPathsParses(@ForAll("attributeLists") List<String> paths) {
    assertThat(AttributeList.parse(String.join(",", paths))).hasSize(paths.size());
  }

  @Property
  void projectionKeepsIdAndSchemasAndNeverPasswordWhateverIsAsked(
      @ForAll("attributeLists") List<String> attributes,
      @ForAll("attributeLists") List<String> excluded,
      @ForAll("documents") ObjectNode document) {
    ObjectNode projected = Projection.apply(document, USER, attributes, excluded);

    assertThat(projected.has("password")).isFalse();
    for (String always : List.of("id", "schemas")) {
      if (document.has(always)) {
        assertThat(projected.get(always)).isEqualTo(document.get(always));
      }
    }
  }

  @Property
  void anySortByEitherOrdersResourcesConsistentlyOrIsA400InvalidPath(
      @ForAll("sortBys") String sortBy, @ForAll SortOrder order) {
    Comparator<ObjectNode> comparator;
    try {
      comparator = ResourceComparator.of(USER, sortBy, order);
    } catch (Problem e) {
      assertThat(e.scimType()).isEqualTo(ScimType.invalidPath);
      return;
    }
    List<ObjectNode> documents = documentList();
    for (ObjectNode a : documents) {
      for (ObjectNode b : documents) {
        assertThat(Integer.signum(comparator.compare(a, b))).isEqualTo(-Integer.signum(comparator.compare(b, a)));
      }
    }
  }

  private static void parseOrRejectAsInvalidFilter(String text) {
    try {
      assertThat(ScimFilters.parse(text)).isNotNull();
    } catch (Problem e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.scimType()).isEqualTo(ScimType.invalidFilter);
    }
  }

  private static Filter parsed(String text) {
    try {
      return ScimFilters.parse(text);
    } catch (Problem e) {
      return null;
    }
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(25)
        .map(tokens -> String.join("", tokens));
  }

  @Provide
  Arbitrary<String> filters() {
    return filter(3);
  }

  private Arbitrary<String> filter(int depth) {
    Arbitrary<String> expression = attributeExpression(Arbitraries.of(PATHS));
    if (depth == 0) {
      return expression;
    }
    Arbitrary<String> sub = filter(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(4, expression),
        Tuple.of(3, Combinators.combine(sub, Arbitraries.of("and", "or", "AND", "Or"), sub).as((a, op, b) -> a + " " + op + " " + b)),
        Tuple.of(1, sub.map(f -> "not (" + f + ")")),
        Tuple.of(1, sub.map(f -> "(" + f + ")")),
        Tuple.of(2, valuePath()),
        Tuple.of(2, entraValuePath()));
  }

  /**
   * Filters shaped like the lookups IdPs send, mostly with values some of the documents have (in
   * another case, or with blanks around), alone or and-ed with other filters.
   */
  @Provide
  Arbitrary<String> lookupFilters() {
    Arbitrary<String> userName = Arbitraries.of("bjensen@example.com", "BJensen@Example.com", " bjensen@example.com", "x");
    Arbitrary<String> email = Arbitraries.of("babs@jensen.org", "BJENSEN@example.com", "x@y", "bjensen@example.com ");
    Arbitrary<String> id = Arbitraries.of(Fixtures.BJENSEN_ID, Fixtures.BJENSEN_ID.toUpperCase(), "odd", "5");
    Arbitrary<String> externalId = Arbitraries.of("701984", " 701984", "x");
    Arbitrary<String> term = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of("userName", "USERNAME", "urn:ietf:params:scim:schemas:core:2.0:User:userName"),
            userName.map(QueryPropertiesTest::quoted)).as((p, v) -> p + " eq " + v),
        Combinators.combine(Arbitraries.of("emails.value", "emails", "Emails.VALUE"), email.map(QueryPropertiesTest::quoted))
            .as((p, v) -> p + " eq " + v),
        email.map(QueryPropertiesTest::quoted).map(v -> "emails[value eq " + v + "]"),
        email.map(QueryPropertiesTest::quoted).map(v -> "emails[type eq \"work\"].value eq " + v),
        email.map(QueryPropertiesTest::quoted).map(v -> "emails[type eq \"home\" and value eq " + v + "]"),
        Combinators.combine(Arbitraries.of("id", "ID"), id.map(QueryPropertiesTest::quoted)).as((p, v) -> p + " eq " + v),
        externalId.map(QueryPropertiesTest::quoted).map(v -> "externalId eq " + v));
    Arbitrary<String> other = filter(1).map(o -> "(" + o + " or schemas pr)");
    return Arbitraries.frequencyOf(
        Tuple.of(3, term),
        Tuple.of(3, Combinators.combine(term, other).as((t, o) -> t + " and " + o)),
        Tuple.of(2, Combinators.combine(other, term, term).as((o, t, u) -> o + " and " + t + " and " + u)),
        Tuple.of(1, filter(2)));
  }

  private Arbitrary<String> valuePath() {
    return Combinators.combine(Arbitraries.of(COMPLEX), valueFilter(2)).as((path, inner) -> path + "[" + inner + "]");
  }

  /** {@code emails[type eq "work"].value eq "x"}, as Entra sends it. */
  private Arbitrary<String> entraValuePath() {
    Arbitrary<String> subAttributes = Arbitraries.of(SUB_PATHS).filter(name -> !name.contains("."));
    return Combinators.combine(valuePath(), attributeExpression(subAttributes))
        .as((path, expression) -> path + "." + expression);
  }

  private Arbitrary<String> valueFilter(int depth) {
    Arbitrary<String> expression = attributeExpression(Arbitraries.of(SUB_PATHS));
    if (depth == 0) {
      return expression;
    }
    Arbitrary<String> sub = valueFilter(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(3, expression),
        Tuple.of(2, Combinators.combine(sub, Arbitraries.of("and", "or"), sub).as((a, op, b) -> a + " " + op + " " + b)),
        Tuple.of(1, sub.map(f -> "not (" + f + ")")),
        Tuple.of(1, sub.map(f -> "(" + f + ")")));
  }

  private Arbitrary<String> attributeExpression(Arbitrary<String> paths) {
    Arbitrary<String> comparison = Combinators.combine(paths, Arbitraries.of(OPERATORS), values())
        .as((path, op, value) -> path + " " + op + " " + value);
    Arbitrary<String> presence = paths.map(path -> path + " pr");
    return Arbitraries.frequencyOf(Tuple.of(5, comparison), Tuple.of(1, presence));
  }

  private Arbitrary<String> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(STRINGS).map(QueryPropertiesTest::quoted)),
        Tuple.of(2, Arbitraries.strings().ofMaxLength(12).map(QueryPropertiesTest::quoted)),
        Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
        Tuple.of(1, Arbitraries.bigDecimals().ofScale(3).map(BigDecimal::toPlainString)),
        Tuple.of(1, Arbitraries.of("true", "false", "null", "1e999", "-0", "1E-400")),
        Tuple.of(1, Arbitraries.longs().between(-62135596800L, 253402300799L)
            .map(seconds -> quoted(Instant.ofEpochSecond(seconds).toString()))));
  }

  private static String quoted(String text) {
    try {
      return ScimJson.MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<List<String>> attributeLists() {
    Arbitrary<String> path = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(PATHS).filter(p -> !p.contains("extra"))),
        Tuple.of(1, Arbitraries.of(PATHS).filter(p -> !p.contains("extra")).map(p -> p.toUpperCase())));
    return path.list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> sortBys() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(PATHS)),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(20)));
  }

  @Provide
  Arbitrary<ObjectNode> documents() {
    return Arbitraries.of(documentList());
  }

  /** Barbara Jensen, an empty user, one with odd casing, and one whose every attribute has the wrong shape. */
  private static List<ObjectNode> documentList() {
    List<ObjectNode> documents = new ArrayList<>();
    documents.add(Fixtures.bjensen());
    documents.add(Fixtures.json("{\"id\":\"empty\",\"schemas\":[]}"));
    documents.add(Fixtures.json("""
        {"ID": "odd", "USERNAME": "BJensen@Example.com", "Emails": [{"VALUE": "Babs@Jensen.org", "Primary": "true"}],
         "Active": "False", "META": {"LastModified": "2011-05-13T06:42:34+02:00"},
         "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER": {"DEPARTMENT": "Tour Operations"}}
        """));
    documents.add(Fixtures.json("""
        {"id": 5, "userName": ["a", "b"], "externalId": {"x": 1}, "name": "Barbara", "emails": {"value": "x@y", "type": 1},
         "active": "yes", "title": {"nested": true}, "meta": {"lastModified": 12345, "created": "not a date"},
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": "flat", "x509Certificates": [[1, 2], [null], null],
         "groups": [1, "two", {"display": null}], "schemas": null, "password": "p", "urn:example:custom:1.0:User": [{"badge": 1}]}
        """));
    return documents;
  }
}
