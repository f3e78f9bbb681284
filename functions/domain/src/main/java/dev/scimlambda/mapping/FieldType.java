package dev.scimlambda.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The type of an app user field; a SCIM value that does not fit it leaves the field empty. */
public enum FieldType {
  STRING,
  NUMBER,
  BOOLEAN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FieldType> fromWireName(String value) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
  }

  /**
   * The value as this type, or null. Strings are trimmed; numbers and booleans are also taken from
   * text, since IdPs template them as strings ({@code "active": "True"}).
   */
  public Object coerce(JsonNode value) {
    if (value == null || value.isNull() || !value.isValueNode()) {
      return null;
    }
    String text = value.asText().trim();
    return switch (this) {
      case STRING -> text.isEmpty() ? null : text;
      case BOOLEAN -> bool(text);
      case NUMBER -> number(text);
    };
  }

  private static Boolean bool(String text) {
    if ("true".equalsIgnoreCase(text)) {
      return Boolean.TRUE;
    }
    return "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
