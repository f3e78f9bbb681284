package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.problem.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of an admin request body. Each rejects a wrong type with a 400 naming the field, which
 * is what a console needs to point at the right input.
 */
final class RequestBody {

  private final JsonNode body;

  RequestBody(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException((String) null, "the request body must be a JSON object");
    }
    this.body = body;
  }

  boolean has(String field) {
    return body.has(field);
  }

  Optional<String> string(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(field, field + " must be a string");
    }
    return Optional.of(value.asText());
  }

  String requiredString(String field) {
    return string(field).orElseThrow(() -> new InvalidInputException(field, field + " is required"));
  }

  /** A required array of strings. */
  List<String> requiredStrings(String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isArray()) {
      throw new InvalidInputException(field, field + " must be an array of strings");
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw new InvalidInputException(field, field + " must be an array of strings");
      }
      strings.add(element.asText());
    }
    return strings;
  }

  /** Empty when absent or null; callers that care tell the two apart with {@link #has}. */
  Optional<Integer> integer(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidInputException(field, field + " must be an integer");
    }
    return Optional.of(value.intValue());
  }

  Optional<Boolean> bool(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw new InvalidInputException(field, field + " must be true or false");
    }
    return Optional.of(value.booleanValue());
  }

  /** An ISO-8601 duration such as {@code PT8H}. */
  Optional<Duration> duration(String field) {
    return string(field).map(text -> parseDuration(field, text));
  }

  static Duration parseDuration(String field, String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, field + " must be an ISO-8601 duration such as PT8H");
    }
  }
}
