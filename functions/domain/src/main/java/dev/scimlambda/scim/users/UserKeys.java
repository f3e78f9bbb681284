package dev.scimlambda.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimException;
import dev.scimlambda.scim.ScimType;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values a user is indexed by, derived from its document. userName and emails compare
 * case-insensitively (RFC 7643 §4.1: userName is caseExact false), so their keys are lower-cased;
 * externalId is caseExact and kept as sent.
 */
public final class UserKeys {

  /** Every email is a lookup item in the user's write transaction, which DynamoDB caps at 100 items. */
  public static final int MAX_EMAILS = 40;

  private UserKeys() {}

  public static String userNameKey(ObjectNode document) {
    JsonNode userName = document.get("userName");
    if (userName == null || !userName.isTextual() || userName.asText().isBlank()) {
      throw ScimException.badRequest(ScimType.invalidValue, "userName is required");
    }
    return normalise(userName.asText());
  }

  public static String externalId(ObjectNode document) {
    JsonNode externalId = document.get("externalId");
    return externalId == null || externalId.isNull() || externalId.asText().isEmpty() ? null : externalId.asText();
  }

  public static Set<String> emailKeys(ObjectNode document) {
    Set<String> keys = new TreeSet<>();
    document.path("emails").forEach(email -> {
      String value = email.path("value").asText("");
      if (!value.isBlank()) {
        keys.add(normalise(value));
      }
    });
    if (keys.size() > MAX_EMAILS) {
      throw ScimException.badRequest(ScimType.invalidValue, "A user may have at most " + MAX_EMAILS + " emails");
    }
    return keys;
  }

  /** {@code active} defaults to true: a user is provisioned to be able to sign in. */
  public static boolean active(ObjectNode document) {
    JsonNode active = document.get("active");
    return active == null || active.isNull() || active.asBoolean(true);
  }

  public static String normalise(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
