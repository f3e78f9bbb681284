package dev.scimlambda.scim.schema;

/** RFC 7643 §2.2 {@code returned}: when an attribute appears in a response. */
public enum Returned {
  ALWAYS,
  NEVER,
  DEFAULT,
  REQUEST;

  static Returned fromWireName(String value) {
    return switch (value) {
      case "always" -> ALWAYS;
      case "never" -> NEVER;
      case "default" -> DEFAULT;
      case "request" -> REQUEST;
      default -> throw new IllegalArgumentException("unknown returned " + value);
    };
  }
}
