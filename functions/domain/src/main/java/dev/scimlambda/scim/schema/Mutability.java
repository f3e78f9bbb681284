package dev.scimlambda.scim.schema;

/** RFC 7643 §2.2 {@code mutability}. */
public enum Mutability {
  READ_ONLY,
  READ_WRITE,
  IMMUTABLE,
  WRITE_ONLY;

  static Mutability fromWireName(String value) {
    return switch (value) {
      case "readOnly" -> READ_ONLY;
      case "readWrite" -> READ_WRITE;
      case "immutable" -> IMMUTABLE;
      case "writeOnly" -> WRITE_ONLY;
      default -> throw new IllegalArgumentException("unknown mutability " + value);
    };
  }
}
