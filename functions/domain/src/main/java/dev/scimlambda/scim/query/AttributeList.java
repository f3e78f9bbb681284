package dev.scimlambda.scim.query;

import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5): a
 * comma-separated list of attribute paths, {@code [URN ":"] attr ["." subAttr]}, or a bare schema
 * URN. Also checks a single path such as {@code sortBy}.
 */
public final class AttributeList {

  private static final String NAME = "(?:\\$(?i:ref)|[A-Za-z][A-Za-z0-9_-]*)";
  private static final String ATTRIBUTE_PATH = NAME + "(?:\\." + NAME + ")?";
  private static final String URN = "[Uu][Rr][Nn]:[A-Za-z0-9][A-Za-z0-9._%+-]*(?::[A-Za-z0-9._%+-]+)+";

  /** {@code attr.sub}, {@code urn:...:attr.sub} (the URN swallows a final {@code :attr}) or a bare URN. */
  private static final Pattern PATH = Pattern.compile(ATTRIBUTE_PATH + "|" + URN + "(?:\\." + NAME + ")?");

  private static final int MAX_LENGTH = 4096;

  private AttributeList() {}

  /** The paths in the parameter, trimmed, in order; empty for a missing or blank parameter. */
  public static List<String> parse(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return List.of();
    }
    if (parameter.length() > MAX_LENGTH) {
      throw new InvalidInputException(ScimType.invalidPath, "The attribute list is longer than " + MAX_LENGTH + " characters.");
    }
    List<String> paths = new ArrayList<>();
    for (String part : parameter.split(",", -1)) {
      String path = part.strip();
      if (!path.isEmpty()) {
        paths.add(path(path));
      }
    }
    return List.copyOf(paths);
  }

  /**
   * One attribute path, trimmed.
   *
   * @throws InvalidInputException 400 invalidPath unless it is one
   */
  public static String path(String path) {
    String stripped = path == null ? "" : path.strip();
    if (!PATH.matcher(stripped).matches() || stripped.contains("..") || stripped.endsWith(".")) {
      throw new InvalidInputException(ScimType.invalidPath, "Not an attribute path: \"" + shortened(stripped) + "\".");
    }
    return stripped;
  }

  private static String shortened(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }
}
