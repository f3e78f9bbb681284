package dev.scimlambda.scim.groups;

/**
 * One member of a group, as its membership item holds it.
 *
 * @param value the member's id: a user or a group of the same connection
 * @param type {@code User} or {@code Group}
 * @param display the member's display name, as sent or as resolved; may be null
 */
public record Member(String value, String type, String display) {

  public static final String USER = "User";
  public static final String GROUP = "Group";
}
