package dev.scimlambda.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import java.util.Set;

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
    if (value.isTextual() && EmailScan.isAddress(value.asText().strip())) {
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
    String masked = EmailScan.maskAddresses(quotedMasked(detail), Redaction::email);
    return masked.length() <= MAX_DETAIL ? masked : masked.substring(0, MAX_DETAIL) + "…";
  }

  /**
   * Every {@code "..."} literal as {@code "***"}; an unterminated one runs to the end. One pass
   * over the text, so its cost is linear whatever the client put in it.
   */
  private static String quotedMasked(String detail) {
    StringBuilder out = new StringBuilder(Math.min(detail.length(), 4 * MAX_DETAIL));
    int i = 0;
    while (i < detail.length()) {
      int open = detail.indexOf('"', i);
      if (open < 0) {
        out.append(detail, i, detail.length());
        break;
      }
      int close = detail.indexOf('"', open + 1);
      if (close < 0) {
        // Unterminated: kept as it was, like the pattern this replaces (the text has no literal).
        out.append(detail, i, detail.length());
        break;
      }
      out.append(detail, i, open).append('"').append(MASK).append('"');
      i = close + 1;
    }
    return out.toString();
  }

  /**
   * Free text with every email address in it masked as the activity log masks one; linear in the
   * text's length (no regular expression), so any text may be passed.
   */
  public static String emailsMasked(String text) {
    return text == null ? null : EmailScan.maskAddresses(text, Redaction::email);
  }

  static String email(String address) {
    int at = address.lastIndexOf('@');
    return address.substring(0, 1) + MASK + address.substring(at);
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }
}
