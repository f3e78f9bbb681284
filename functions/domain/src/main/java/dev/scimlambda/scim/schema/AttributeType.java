package dev.scimlambda.scim.schema;

import java.util.Arrays;

/** RFC 7643 §2.3 data types, by their wire names. */
public enum AttributeType {
  STRING("string"),
  BOOLEAN("boolean"),
  DECIMAL("decimal"),
  INTEGER("integer"),
  DATE_TIME("dateTime"),
  BINARY("binary"),
  REFERENCE("reference"),
  COMPLEX("complex");

  private final String wireName;

  AttributeType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  static AttributeType fromWireName(String value) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown attribute type " + value));
  }
}
