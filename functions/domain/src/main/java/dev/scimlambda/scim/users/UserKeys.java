package dev.scimlambda.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.query.FilterPlanner;
import dev.scimlambda.scim.query.IndexedAttribute;
import dev.scimlambda.scim.resource.ResourceLimits;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values a user is indexed by, derived from its document by the same planner that turns filters
 * into lookups, so a lookup finds exactly the users a scan would.
 */
public final class UserKeys {

  /** Every email is a lookup item in the user's write transaction, which DynamoDB caps at 100 items. */
  public static final int MAX_EMAILS = 40;

  private static final FilterPlanner PLANNER = FilterPlanner.users();

  private final Map<IndexedAttribute, Set<String>> keys;

  private UserKeys(Map<IndexedAttribute, Set<String>> keys) {
    this.keys = keys;
  }

  public static UserKeys of(ObjectNode document) {
    Map<IndexedAttribute, Set<String>> keys = PLANNER.indexKeys(document);
    keys.forEach((attribute, values) -> values.forEach(value -> ResourceLimits.requireKey(attribute.path(), value)));
    UserKeys userKeys = new UserKeys(keys);
    if (userKeys.all(IndexedAttribute.EMAIL).size() > MAX_EMAILS) {
      throw new InvalidInputException(ScimType.invalidValue, "A user may have at most " + MAX_EMAILS + " emails");
    }
    return userKeys;
  }

  /** userName compares case-insensitively (RFC 7643 §4.1), so its key is folded. */
  public String userNameKey() {
    return all(IndexedAttribute.USER_NAME).stream().findFirst()
        .orElseThrow(() -> new InvalidInputException(ScimType.invalidValue, "userName is required"));
  }

  /** externalId is caseExact and kept as sent; null when absent. */
  public String externalId() {
    return all(IndexedAttribute.EXTERNAL_ID).stream().findFirst().filter(id -> !id.isEmpty()).orElse(null);
  }

  public Set<String> emailKeys() {
    return new TreeSet<>(all(IndexedAttribute.EMAIL));
  }

  /** {@code active} defaults to true: a user is provisioned to be able to sign in. */
  public static boolean active(ObjectNode document) {
    JsonNode active = document.get("active");
    return active == null || active.isNull() || active.asBoolean(true);
  }

  private Set<String> all(IndexedAttribute attribute) {
    return keys.getOrDefault(attribute, Set.of());
  }
}
