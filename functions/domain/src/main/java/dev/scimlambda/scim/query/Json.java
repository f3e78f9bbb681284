package dev.scimlambda.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.resource.JsonFields;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Reading SCIM values out of Jackson trees, leniently: attribute names in any case, scalars as text. */
final class Json {

  private Json() {}

  /** The member {@code name} of an object, matched case-insensitively (RFC 7643 §2.1); null if absent. */
  static JsonNode field(JsonNode node, String name) {
    return node instanceof ObjectNode object ? JsonFields.get(object, name) : null;
  }

  /** RFC 7643 §2.5: null, an empty string, an empty array and an empty object are all unassigned. */
  static boolean isPresent(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (node.isTextual()) {
      return !node.textValue().isEmpty();
    }
    if (node.isContainerNode()) {
      return node.size() > 0;
    }
    return true;
  }

  /** The text of a scalar; null for objects and arrays. */
  static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : null;
  }

  /** Lower case for comparisons that ignore case; the same rule everywhere, including index keys. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** A boolean, or the text "true"/"false" in any case (some IdPs send booleans as strings); else null. */
  static Boolean bool(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String text = node.textValue().strip();
      if (text.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  /** A finite number, or text that reads as one; else null. */
  static BigDecimal number(JsonNode node) {
    try {
      if (node.isNumber()) {
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
          return null;
        }
        return node.decimalValue();
      }
      if (node.isTextual()) {
        String text = node.textValue().strip();
        // BigDecimal accepts exponents up to 10 digits; longer text is no number a person meant.
        return text.isEmpty() || text.length() > 100 ? null : new BigDecimal(text);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
    return null;
  }

  /**
   * An xsd:dateTime (RFC 7643 §2.3.5) as an instant; without an offset it is taken as UTC. Null
   * when the node is not such text.
   */
  static Instant dateTime(JsonNode node) {
    if (!node.isTextual() || node.textValue().length() > 64) {
      return null;
    }
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(node.textValue().strip());
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return OffsetDateTime.from(parsed).toInstant();
      }
      return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Whether a value of a multi-valued attribute is marked {@code "primary": true}. */
  static boolean isPrimary(JsonNode value) {
    JsonNode primary = field(value, "primary");
    return primary != null && Boolean.TRUE.equals(bool(primary));
  }
}
