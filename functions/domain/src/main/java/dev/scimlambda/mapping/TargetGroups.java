package dev.scimlambda.mapping;

import dev.scimlambda.appusers.AppUserProfile;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A connection's target-group settings: users go to the group named by their {@code groupBy} value
 * (the department, or a custom field), those without a value to the default group. A target group
 * is a tag {@code {prefix}:{name}} next to the {@code Group:} tags, created on first use.
 *
 * @param defaultGroup the group of users without a group-by value; null: they get none
 * @param groupBy {@code department} or a custom field's key; null: everyone goes to the default group
 * @param tagPrefix the tags' prefix; null: {@code Department}, the custom field's label, or
 *     {@value #DEFAULT_PREFIX} without group-by
 */
public record TargetGroups(String defaultGroup, String groupBy, String tagPrefix) {

  public static final TargetGroups NONE = new TargetGroups(null, null, null);
  public static final String DEPARTMENT = AppField.DEPARTMENT.key();
  static final String DEFAULT_PREFIX = "TargetGroup";

  public boolean byDepartment() {
    return DEPARTMENT.equals(groupBy);
  }

  /** The prefix in effect; {@code customField} is the group-by field's definition (null for department or none). */
  public String effectivePrefix(CustomField customField) {
    if (tagPrefix != null) {
      return tagPrefix;
    }
    if (byDepartment()) {
      return "Department";
    }
    return customField != null ? customField.label() : DEFAULT_PREFIX;
  }

  /** The user's target-group tag, if any. */
  Optional<String> tag(AppUserProfile profile, String prefix) {
    Object value = groupBy == null ? null : byDepartment() ? profile.field(DEPARTMENT) : profile.customField(groupBy);
    String name = value == null ? defaultGroup : text(value);
    return Optional.ofNullable(name).map(n -> prefix + ":" + n);
  }

  private static String text(Object value) {
    return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
  }

  /** Would a tag of this prefix be mistaken for a group's tag. */
  static boolean clashesWithGroupTags(String prefix) {
    return (prefix + ":").equalsIgnoreCase(GroupTags.PREFIX);
  }
}
