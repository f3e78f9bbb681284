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

  /**
   * A number DynamoDB can store (38 significant digits, magnitude 1E-130 to 1E+126), else none: an
   * IdP's "1e400" must leave the field empty, not make the app user unwritable.
   */
  private static BigDecimal number(String text) {
    BigDecimal value;
    try {
      value = new BigDecimal(text).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return null;
    }
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    int exponent = value.precision() - value.scale() - 1;
    return value.precision() <= 38 && exponent >= -130 && exponent <= 125 ? value : null;
  }
}
