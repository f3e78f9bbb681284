package dev.scimlambda.tags;

/** The tag a group gives its members: membership in IdP group "Marketing" is the tag {@code Group:Marketing}. */
public final class GroupTags {

  public static final String PREFIX = "Group:";

  private GroupTags() {}

  public static String of(String displayName) {
    return PREFIX + displayName;
  }
}
