package dev.scimlambda.bench.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * RFC 7644 filter and PATCH cases, and the IdP dialects we must accept, run against each engine. Prints a
 * Markdown table: ✓ meets the expectation, ✗ does not (with what happened), → behaviour only.
 */
public final class Conformance {

  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String BJENSEN = "2819c223-7f76-453a-919d-413861904646";
  static final String MANDY = "902c246b-6245-4190-8e05-00816be7344a";
  static final String JAMES = "08e1d05d-121c-4561-8b96-473d93df9210";

  static final String USER = """
      {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%1$s"],
        "id": "%2$s",
        "externalId": "701984",
        "userName": "bjensen@example.com",
        "name": {"formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen", "givenName": "Barbara", "middleName": "Jane"},
        "displayName": "Babs Jensen",
        "nickName": "Barbie",
        "title": "Tour Guide",
        "userType": "Employee",
        "active": true,
        "emails": [
          {"value": "bjensen@example.com", "type": "work", "primary": true},
          {"value": "babs@jensen.org", "type": "home"}
        ],
        "addresses": [
          {"type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood", "region": "CA",
           "postalCode": "91608", "country": "USA", "primary": true},
          {"type": "home", "streetAddress": "456 Hollywood Blvd", "locality": "Hollywood", "region": "CA",
           "postalCode": "91608", "country": "USA"}
        ],
        "ims": [{"value": "someaimhandle", "type": "aim"}],
        "%1$s": {"employeeNumber": "701984", "department": "Tour Operations"},
        "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z", "lastModified": "2011-05-13T04:42:34Z",
                 "location": "https://example.com/v2/Users/%2$s"}
      }
      """.formatted(ENTERPRISE, BJENSEN);

  static final String GROUP = """
      {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "id": "e9e30dba-f08f-4109-8486-d5c6a331660a",
        "displayName": "Tour Guides",
        "members": [
          {"value": "%1$s", "$ref": "https://example.com/v2/Users/%1$s", "display": "Babs Jensen"},
          {"value": "%2$s", "$ref": "https://example.com/v2/Users/%2$s", "display": "Mandy Pepperidge"}
        ],
        "meta": {"resourceType": "Group", "created": "2010-01-23T04:56:22Z", "lastModified": "2011-05-13T04:42:34Z",
                 "location": "https://example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a"}
      }
      """.formatted(BJENSEN, MANDY);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * {@code expected}: match result on {@link #USER}, or null when the filter must be rejected (400 invalidFilter).
   * {@code note}: set where the RFC leaves the answer open; such rows are behaviour only, not counted.
   */
  record FilterCase(String id, String source, String filter, Boolean expected, String note) {
    FilterCase(String id, String source, String filter, Boolean expected) {
      this(id, source, filter, expected, null);
    }
  }

  record PathCase(String id, String source, String resourceType, String path) {}

  /** {@code check}: null when the result meets the expectation, else what was observed. Null check: behaviour only. */
  record PatchCase(String id, String source, String resourceType, Function<ObjectNode, ObjectNode> document,
      String operations, String expectation, Function<JsonNode, String> check, Function<JsonNode, String> observe) {}

  static final List<FilterCase> FILTERS = List.of(
      new FilterCase("F1", "§3.4.2.2", "userName eq \"bjensen\"", false),
      new FilterCase("F2", "§3.4.2.2", "name.familyName co \"O'Malley\"", false),
      new FilterCase("F3", "§3.4.2.2", "userName sw \"J\"", false),
      new FilterCase("F4", "§3.4.2.2", "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"", false),
      new FilterCase("F5", "§3.4.2.2", "title pr", true),
      new FilterCase("F6", "§3.4.2.2", "meta.lastModified gt \"2011-05-13T04:42:34Z\"", false),
      new FilterCase("F7", "§3.4.2.2", "meta.lastModified ge \"2011-05-13T04:42:34Z\"", true),
      new FilterCase("F8", "§3.4.2.2", "meta.lastModified lt \"2011-05-13T04:42:34Z\"", false),
      new FilterCase("F9", "§3.4.2.2", "meta.lastModified le \"2011-05-13T04:42:34Z\"", true),
      new FilterCase("F10", "§3.4.2.2", "title pr and userType eq \"Employee\"", true),
      new FilterCase("F11", "§3.4.2.2", "title pr or userType eq \"Intern\"", true),
      new FilterCase("F12", "§3.4.2.2", "schemas eq \"" + ENTERPRISE + "\"", true),
      new FilterCase("F13", "§3.4.2.2", "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")", true,
          "true only if `emails co` (complex attribute, no sub-attribute) is read as `emails.value co`; the RFC gives the example without saying"),
      new FilterCase("F14", "§3.4.2.2", "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")", false),
      new FilterCase("F15", "§3.4.2.2", "userType eq \"Employee\" and (emails.type eq \"work\")", true),
      new FilterCase("F16", "§3.4.2.2", "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]", true),
      new FilterCase("F17", "§3.4.2.2", "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]", true),
      new FilterCase("F18", "userName caseExact=false", "userName eq \"BJensen@Example.com\"", true),
      new FilterCase("F19", "id caseExact=true (RFC 7643 §3.1)", "id eq \"" + BJENSEN.toUpperCase() + "\"", false),
      new FilterCase("F20", "operators case-insensitive", "userName EQ \"bjensen@example.com\"", true),
      new FilterCase("F21", "attribute names case-insensitive", "USERNAME eq \"bjensen@example.com\"", true),
      new FilterCase("F22", "extension URN attribute", ENTERPRISE + ":employeeNumber eq \"701984\"", true),
      new FilterCase("F23", "boolean literal", "active eq true", true),
      new FilterCase("F24", "Entra/Okta lookup", "externalId eq \"701984\"", true),
      new FilterCase("F25", "invalid: unquoted string", "userName eq bjensen", null),
      new FilterCase("F26", "invalid: unknown operator", "userName xx \"bjensen\"", null));

  static final List<PathCase> PATHS = List.of(
      new PathCase("A1", "§3.5.2", "User", "name.givenName"),
      new PathCase("A2", "§3.5.2", "User", "emails[type eq \"work\"].value"),
      new PathCase("A3", "§3.5.2", "Group", "members[value eq \"" + BJENSEN + "\"]"),
      new PathCase("A4", "extension URN", "User", ENTERPRISE + ":department"),
      new PathCase("A5", "§3.5.2.3", "User", "addresses[type eq \"work\"].streetAddress"));

  static final List<PatchCase> PATCHES = List.of(
      new PatchCase("P1", "§3.5.2.1 add members", "Group", d -> d,
          op("add", "members", "[{\"display\": \"James Smith\", \"$ref\": \"https://example.com/v2/Users/" + JAMES
              + "\", \"value\": \"" + JAMES + "\"}]"),
          "3 members incl. the new one",
          r -> sorted(values(r, "members", "value")).equals(sorted(List.of(BJENSEN, MANDY, JAMES))) ? null : "members=" + values(r, "members", "value"),
          null),
      new PatchCase("P2", "§3.5.2.1 add, no path (`nickname` as in the RFC)", "User", Conformance::withoutHomeEmail,
          op("add", null, "{\"emails\": [{\"value\": \"babs@jensen.org\", \"type\": \"home\"}], \"nickname\": \"Babs\"}"),
          "home email added; nickName = Babs (names are case-insensitive)",
          r -> join(sorted(values(r, "emails", "type")).equals(List.of("home", "work")) ? null : "emails=" + values(r, "emails", "type"),
              nickNameIsBabs(r)),
          null),
      new PatchCase("P3", "§3.5.2.2 remove `members[value eq …]`", "Group", d -> d,
          op("remove", "members[value eq \\\"" + BJENSEN + "\\\"]", null),
          "only Mandy left",
          r -> values(r, "members", "value").equals(List.of(MANDY)) ? null : "members=" + values(r, "members", "value"),
          null),
      new PatchCase("P4", "§3.5.2.2 remove all members", "Group", d -> d,
          op("remove", "members", null),
          "no members",
          r -> values(r, "members", "value").isEmpty() ? null : "members=" + values(r, "members", "value"),
          null),
      new PatchCase("P5", "§3.5.2.2 remove with complex filter", "User", d -> d,
          op("remove", "emails[type eq \\\"work\\\" and value ew \\\"example.com\\\"]", null),
          "only the home email left",
          r -> values(r, "emails", "type").equals(List.of("home")) ? null : "emails=" + values(r, "emails", "type"),
          null),
      new PatchCase("P6", "§3.5.2.3 replace members", "Group", d -> d,
          op("replace", "members", "[{\"display\": \"Babs Jensen\", \"value\": \"" + BJENSEN + "\"}, {\"display\": \"James Smith\", \"value\": \"" + JAMES + "\"}]"),
          "exactly Babs and James",
          r -> sorted(values(r, "members", "value")).equals(sorted(List.of(BJENSEN, JAMES))) ? null : "members=" + values(r, "members", "value"),
          null),
      new PatchCase("P7", "§3.5.2.3 replace `addresses[type eq \"work\"]`", "User", d -> d,
          op("replace", "addresses[type eq \\\"work\\\"]", "{\"type\": \"work\", \"streetAddress\": \"911 Universal City Plaza\", \"locality\": \"Hollywood\", \"region\": \"CA\", \"postalCode\": \"91608\", \"country\": \"US\", \"primary\": true}"),
          "work address replaced, home untouched",
          r -> sorted(values(r, "addresses", "streetAddress")).equals(sorted(List.of("911 Universal City Plaza", "456 Hollywood Blvd"))) ? null
              : "streets=" + values(r, "addresses", "streetAddress"),
          null),
      new PatchCase("P8", "§3.5.2.3 replace `addresses[type eq \"work\"].streetAddress`", "User", d -> d,
          op("replace", "addresses[type eq \\\"work\\\"].streetAddress", "\"1010 Broadway Ave\""),
          "work street changed, home untouched",
          r -> sorted(values(r, "addresses", "streetAddress")).equals(sorted(List.of("1010 Broadway Ave", "456 Hollywood Blvd"))) ? null
              : "streets=" + values(r, "addresses", "streetAddress"),
          null),
      new PatchCase("P9", "§3.5.2.3 replace, no path (`nickname` as in the RFC)", "User", d -> d,
          op("replace", null, "{\"emails\": [{\"value\": \"bjensen@example.com\", \"type\": \"work\", \"primary\": true}], \"nickname\": \"Babs\"}"),
          "emails = [work]; nickName = Babs",
          r -> join(values(r, "emails", "type").equals(List.of("work")) ? null : "emails=" + values(r, "emails", "type"),
              nickNameIsBabs(r)),
          null),
      new PatchCase("P10", "Entra: replace `emails[type eq \"work\"].value`, no work email yet", "User", Conformance::withoutWorkEmail,
          op("replace", "emails[type eq \\\"work\\\"].value", "\"babs@work.example.com\""),
          "adds {type: work, value} (what Entra needs; strict §3.5.2.3 reading: 400 noTarget)",
          r -> workEmail(r).equals("babs@work.example.com") ? null : "emails=" + r.path("emails"),
          null),
      new PatchCase("P11", "extension URN path", "User", d -> d,
          op("replace", ENTERPRISE + ":department", "\"Sales\""),
          "department = Sales, employeeNumber kept",
          r -> ("Sales".equals(r.path(ENTERPRISE).path("department").asText(null))
              && "701984".equals(r.path(ENTERPRISE).path("employeeNumber").asText(null))) ? null : "ext=" + r.path(ENTERPRISE),
          null),
      new PatchCase("P12", "Entra: op `Replace`", "User", d -> d,
          opRaw("Replace", "displayName", "\"Babs J\""),
          "displayName = Babs J",
          r -> "Babs J".equals(r.path("displayName").asText(null)) ? null : "displayName=" + r.path("displayName"),
          null),
      new PatchCase("P13", "Entra: `\"active\": \"False\"` (string)", "User", d -> d,
          opRaw("Replace", "active", "\"False\""),
          "active = false (boolean)",
          r -> r.path("active").isBoolean() && !r.path("active").booleanValue() ? null : "active=" + r.path("active"),
          null),
      new PatchCase("P14", "Entra: remove member as `path: members` + value", "Group", d -> d,
          opRaw("Remove", "members", "[{\"value\": \"" + BJENSEN + "\"}]"),
          "only Mandy left",
          r -> values(r, "members", "value").equals(List.of(MANDY)) ? null : "members=" + values(r, "members", "value"),
          null),
      new PatchCase("P15", "Entra: `Add` to `emails[type eq \"work\"].value`, no work email yet", "User", Conformance::withoutWorkEmail,
          opRaw("Add", "emails[type eq \\\"work\\\"].value", "\"babs@work.example.com\""),
          "adds {type: work, value}",
          r -> workEmail(r).equals("babs@work.example.com") ? null : "emails=" + r.path("emails"),
          null),
      new PatchCase("P16", "attribute names case-insensitive in path", "User", d -> d,
          op("replace", "NAME.GIVENNAME", "\"Barbara-Ann\""),
          "name.givenName = Barbara-Ann, no second `name`",
          r -> join("Barbara-Ann".equals(r.path("name").path("givenName").asText(null)) ? null : "name=" + r.path("name"),
              keysIgnoringCase(r, "name").size() == 1 ? null : "keys=" + keysIgnoringCase(r, "name")),
          null),
      new PatchCase("P17", "Entra: enterprise `manager` as a plain string", "User", d -> d,
          opRaw("Add", ENTERPRISE + ":manager", "\"" + MANDY + "\""),
          "manager.value = the id",
          r -> MANDY.equals(r.path(ENTERPRISE).path("manager").path("value").asText(null)) ? null
              : "manager=" + r.path(ENTERPRISE).path("manager"),
          null),
      new PatchCase("P18", "Okta: deactivate, no path", "User", d -> d,
          op("replace", null, "{\"active\": false}"),
          "active = false",
          r -> r.path("active").isBoolean() && !r.path("active").booleanValue() ? null : "active=" + r.path("active"),
          null),
      new PatchCase("P19", "remove with a filter that matches nothing", "User", d -> d,
          op("remove", "emails[type eq \\\"other\\\"]", null),
          "behaviour (strict reading: 400 noTarget; a no-op is kinder to IdP retries)",
          null,
          r -> "no-op, emails=" + values(r, "emails", "type")));

  private Conformance() {}

  public static void run(List<Engine> engines, PrintStream out) throws Exception {
    ObjectNode user = (ObjectNode) MAPPER.readTree(USER);
    ObjectNode group = (ObjectNode) MAPPER.readTree(GROUP);
    int[] passed = new int[engines.size()];
    int[] counted = new int[engines.size()];

    out.println("### Filters (parsed, then evaluated against the RFC 7643 §8.2-style test user)");
    out.println();
    header(out, engines, "filter", "expected");
    for (FilterCase c : FILTERS) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < engines.size(); i++) {
        Engine.Outcome<Boolean> outcome = engines.get(i).filter(c.filter(), user);
        boolean ok;
        String cell;
        if (c.note() != null) {
          cells.add("→ " + (outcome.failed() ? outcome.error() : "evaluates to " + outcome.value()));
          continue;
        } else if (outcome.failed()) {
          ok = c.expected() == null && !outcome.error().startsWith("evaluation");
          cell = ok ? "✓ rejected: " + outcome.error() : "✗ " + outcome.error();
        } else if (c.expected() == null) {
          ok = false;
          cell = "✗ accepted (evaluates to " + outcome.value() + ")";
        } else {
          ok = c.expected().equals(outcome.value());
          cell = ok ? "✓" : "✗ evaluates to " + outcome.value();
        }
        passed[i] += ok ? 1 : 0;
        counted[i]++;
        cells.add(cell);
      }
      row(out, c.id(), c.source(), "`" + c.filter() + "`",
          c.note() != null ? c.note() : c.expected() == null ? "400 invalidFilter" : String.valueOf(c.expected()), cells);
    }

    out.println();
    out.println("### PATCH paths (parse only; what the AST holds)");
    out.println();
    header(out, engines, "path", "expected");
    for (PathCase c : PATHS) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < engines.size(); i++) {
        Engine.Outcome<String> outcome = engines.get(i).path(c.resourceType(), c.path());
        boolean ok = !outcome.failed();
        passed[i] += ok ? 1 : 0;
        counted[i]++;
        cells.add(ok ? "✓ " + outcome.value() : "✗ " + outcome.error());
      }
      row(out, c.id(), c.source() + " (" + c.resourceType() + ")", "`" + c.path() + "`", "parses", cells);
    }

    out.println();
    out.println("### PATCH (applied to a copy of the test user / group)");
    out.println();
    header(out, engines, "operations", "expected");
    for (PatchCase c : PATCHES) {
      ObjectNode document = c.document().apply(("Group".equals(c.resourceType()) ? group : user).deepCopy());
      String body = "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [" + c.operations() + "]}";
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < engines.size(); i++) {
        Engine.Outcome<JsonNode> outcome = engines.get(i).patch(c.resourceType(), document.deepCopy(), body);
        String cell;
        if (c.check() == null) {
          cell = "→ " + (outcome.failed() ? outcome.error() : c.observe().apply(outcome.value()));
        } else {
          String wrong = outcome.failed() ? outcome.error() : c.check().apply(outcome.value());
          boolean ok = wrong == null;
          passed[i] += ok ? 1 : 0;
          counted[i]++;
          cell = ok ? "✓" : "✗ " + wrong;
        }
        cells.add(cell);
      }
      row(out, c.id(), c.source(), "`" + c.operations().replace("\\\"", "\"") + "`", c.expectation(), cells);
    }

    out.println();
    StringBuilder summary = new StringBuilder("Meets the expectation: ");
    for (int i = 0; i < engines.size(); i++) {
      summary.append(i == 0 ? "" : "; ").append(engines.get(i).name()).append(' ').append(passed[i]).append('/').append(counted[i]);
    }
    out.println(summary.append(" (→ rows not counted).").toString());
  }

  // ---- helpers ----

  private static String op(String op, String path, String value) {
    return opRaw(op, path, value);
  }

  private static String opRaw(String op, String path, String value) {
    return "{\"op\": \"" + op + "\"" + (path == null ? "" : ", \"path\": \"" + path + "\"")
        + (value == null ? "" : ", \"value\": " + value) + "}";
  }

  private static ObjectNode withoutWorkEmail(ObjectNode user) {
    ((ArrayNode) user.get("emails")).remove(0);
    return user;
  }

  private static ObjectNode withoutHomeEmail(ObjectNode user) {
    ((ArrayNode) user.get("emails")).remove(1);
    return user;
  }

  static List<String> values(JsonNode node, String attribute, String subAttribute) {
    List<String> values = new ArrayList<>();
    for (JsonNode element : node.path(attribute)) {
      values.add(element.path(subAttribute).asText(null));
    }
    return values;
  }

  /** The cases do not assert the order of multi-valued attributes: compare as sorted lists. */
  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
    return copy;
  }

  private static String workEmail(JsonNode user) {
    for (JsonNode email : user.path("emails")) {
      if ("work".equals(email.path("type").asText(null))) {
        return email.path("value").asText("");
      }
    }
    return "";
  }

  private static List<String> keysIgnoringCase(JsonNode node, String name) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equalsIgnoreCase(name)) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static String nickNameIsBabs(JsonNode user) {
    List<String> keys = keysIgnoringCase(user, "nickName");
    if (keys.size() == 1 && "Babs".equals(user.path(keys.get(0)).asText(null))) {
      return null;
    }
    StringBuilder observed = new StringBuilder();
    for (String key : keys) {
      observed.append(observed.length() == 0 ? "" : ", ").append(key).append('=').append(user.get(key));
    }
    return observed.toString();
  }

  private static String join(String... problems) {
    StringBuilder joined = new StringBuilder();
    for (String problem : problems) {
      if (problem != null) {
        joined.append(joined.length() == 0 ? "" : "; ").append(problem);
      }
    }
    return joined.length() == 0 ? null : joined.toString();
  }

  private static void header(PrintStream out, List<Engine> engines, String what, String expected) {
    StringBuilder line = new StringBuilder("| # | source | " + what + " | " + expected + " |");
    StringBuilder rule = new StringBuilder("|---|---|---|---|");
    for (Engine engine : engines) {
      line.append(' ').append(engine.name()).append(" |");
      rule.append("---|");
    }
    out.println(line);
    out.println(rule);
  }

  private static void row(PrintStream out, String id, String source, String what, String expected, List<String> cells) {
    StringBuilder line = new StringBuilder("| " + id + " | " + source + " | " + what + " | " + expected + " |");
    for (String cell : cells) {
      line.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
    }
    out.println(line);
  }
}
