package dev.scimlambda.mapping;

/**
 * The tag a group gives its members: membership in IdP group "Marketing" is the tag {@code Group:Marketing}.
 * Next to {@link TargetGroups}' tags, which must not take its prefix; the tags package refreshes both.
 */
public final class GroupTags {

  public static final String PREFIX = "Group:";

  private GroupTags() {}

  public static String of(String displayName) {
    return PREFIX + displayName;
  }
}
