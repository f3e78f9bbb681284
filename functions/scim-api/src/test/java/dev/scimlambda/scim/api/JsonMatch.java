package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The expected-value matchers of replay fixtures (see {@link ReplayFixture}). */
final class JsonMatch {

  private JsonMatch() {}

  static void check(JsonNode actual, JsonNode expected, String where) {
    if (isMatcher(expected)) {
      Map.Entry<String, JsonNode> matcher = expected.properties().iterator().next();
      JsonNode operand = matcher.getValue();
      switch (matcher.getKey()) {
        case "$absent" -> assertThat(actual.isMissingNode() || actual.isNull()).as(where + " absent: " + actual).isTrue();
        case "$type" -> assertThat(actual.getNodeType().name().toLowerCase() + (actual.isIntegralNumber() ? "/integer" : ""))
            .as(where + " type").contains(operand.asText());
        case "$size" -> assertThat(actual.size()).as(where + " size of " + actual).isEqualTo(operand.asInt());
        case "$contains" -> assertThat(anyElement(actual, operand)).as(where + " " + actual + " contains " + operand).isTrue();
        case "$notContains" -> assertThat(anyElement(actual, operand)).as(where + " " + actual + " lacks " + operand).isFalse();
        case "$subset" -> assertThat(subset(actual, operand)).as(where + " " + actual + " has " + operand).isTrue();
        default -> throw new AssertionError("unknown matcher " + matcher.getKey());
      }
      return;
    }
    assertThat(actual).as(where).isEqualTo(expected);
  }

  private static boolean isMatcher(JsonNode expected) {
    return expected.isObject() && expected.size() == 1 && expected.fieldNames().next().startsWith("$");
  }

  private static boolean anyElement(JsonNode array, JsonNode expected) {
    assertThat(array.isArray()).as("an array: " + array).isTrue();
    return StreamSupport.stream(array.spliterator(), false).anyMatch(element -> subset(element, expected));
  }

  /** Whether {@code actual} has every field {@code expected} has, recursively; other values must be equal. */
  private static boolean subset(JsonNode actual, JsonNode expected) {
    if (!expected.isObject()) {
      return actual.equals(expected);
    }
    if (!actual.isObject()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = expected.properties().iterator(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!subset(actual.path(field.getKey()), field.getValue())) {
        return false;
      }
    }
    return true;
  }
}
