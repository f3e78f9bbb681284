package dev.scimlambda.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a customer's directory data the activity log may keep (docs/data-model.md, "Activity
 * log"). An admin debugging a sync needs to see which attributes changed and the values that decide
 * provisioning (active, identifiers, email domains); the log must not become a second copy of the
 * directory, so personal values are masked:
 *
 * <ul>
 *   <li>secrets ({@code password}) are always {@value #SECRET}, whatever their value;
 *   <li>booleans and null are kept: {@code active: true → false} is the deprovisioning an admin looks for;
 *   <li>identifiers and enumerations are kept: {@code externalId}, {@code id}, {@code $ref},
 *       {@code type}, {@code schemas}, {@code manager.value}, and a group's {@code displayName}
 *       (a group's name is how the admin knows it; it names no person);
 *   <li>email addresses keep their first character and their domain ({@code b***@example.com}):
 *       enough to see that an address changed domain or was re-cased, not enough to read it;
 *   <li>every other value (names, phone numbers, addresses, titles, numbers) becomes {@value #MASK}.
 * </ul>
 */
public final class Redaction {

  public static final String SECRET = "[redacted]";
  public static final String MASK = "***";

  private static final Set<String> SECRETS = Set.of("password");
  private static final Set<String> KEPT = Set.of("externalid", "id", "$ref", "type", "schemas");
  private static final Pattern EMAIL = Pattern.compile("([^\\s@\"'<>()\\[\\],;:]+)@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
  private static final int MAX_DETAIL = 500;

  private Redaction() {}

  static AttributeChange change(String resourceType, JsonDiff.Change change) {
    return new AttributeChange(change.path(), change.op(),
        value(resourceType, change.path(), change.leaf(), change.from()),
        value(resourceType, change.path(), change.leaf(), change.to()));
  }

  /** The value of attribute {@code leaf} at {@code path} as the log may keep it; null stays null (absent). */
  public static JsonNode value(String resourceType, String path, String leaf, JsonNode value) {
    if (value == null) {
      return null;
    }
    String name = leaf.toLowerCase(Locale.ROOT);
    if (SECRETS.contains(name)) {
      return text(SECRET);
    }
    if (value.isBoolean() || value.isNull() || kept(resourceType, path, name)) {
      return value;
    }
    if (value.isTextual() && EMAIL.matcher(value.asText().strip()).matches()) {
      return text(email(value.asText().strip()));
    }
    return text(MASK);
  }

  private static boolean kept(String resourceType, String path, String name) {
    String lowerPath = path.toLowerCase(Locale.ROOT);
    return KEPT.contains(name)
        || lowerPath.equals("manager.value") || lowerPath.endsWith(":manager.value")
        || ("Group".equals(resourceType) && lowerPath.equals("displayname"));
  }

  /**
   * An error detail as the log keeps it: email addresses masked as values are, and every quoted
   * literal (filters and paths quote the values they compare) replaced by {@code "***"}.
   */
  public static String detail(String detail) {
    if (detail == null) {
      return null;
    }
    String masked = QUOTED.matcher(detail).replaceAll("\"" + MASK + "\"");
    Matcher emails = EMAIL.matcher(masked);
    StringBuilder out = new StringBuilder();
    while (emails.find()) {
      emails.appendReplacement(out, Matcher.quoteReplacement(email(emails.group())));
    }
    emails.appendTail(out);
    return out.length() <= MAX_DETAIL ? out.toString() : out.substring(0, MAX_DETAIL) + "…";
  }

  static String email(String address) {
    int at = address.lastIndexOf('@');
    return address.substring(0, 1) + MASK + address.substring(at);
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }
}
