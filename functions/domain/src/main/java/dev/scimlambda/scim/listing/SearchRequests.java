package dev.scimlambda.scim.listing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.query.AttributeList;
import java.util.ArrayList;
import java.util.List;

/** RFC 7644 §3.4.3 SearchRequest bodies, read into the same query a GET carries. */
public final class SearchRequests {

  public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

  private SearchRequests() {}

  public static ListQuery parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException(ScimType.invalidSyntax, "The search request must be a JSON object");
    }
    boolean declared = false;
    for (JsonNode schema : body.path("schemas")) {
      declared |= SCHEMA.equalsIgnoreCase(schema.asText());
    }
    if (!declared) {
      throw new InvalidInputException(ScimType.invalidSyntax, "schemas must contain " + SCHEMA);
    }
    Integer startIndex = integer(body, "startIndex");
    return new ListQuery(
        text(body, "filter"),
        text(body, "sortBy"),
        text(body, "sortOrder"),
        startIndex == null ? null : (long) Math.max(1, startIndex),
        integer(body, "count"),
        text(body, "cursor"),
        attributes(body, "attributes"),
        attributes(body, "excludedAttributes"));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(ScimType.invalidValue, field + " must be a string");
    }
    return value.asText();
  }

  private static Integer integer(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new InvalidInputException(ScimType.invalidValue, field + " must be an integer");
    }
    return value.intValue();
  }

  /** An array of attribute paths, or (as some clients send) one comma-separated string. */
  private static List<String> attributes(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isTextual()) {
      return AttributeList.parse(value.asText());
    }
    if (!value.isArray()) {
      throw new InvalidInputException(ScimType.invalidValue, field + " must be an array of attribute paths");
    }
    List<String> paths = new ArrayList<>();
    value.forEach(path -> paths.addAll(AttributeList.parse(path.asText())));
    return paths;
  }
}
