package dev.scimlambda.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.AttributeType;
import dev.scimlambda.scim.schema.ResourceSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders resources by {@code sortBy} and {@code sortOrder} (RFC 7644 §3.4.2.3). The sort value of a
 * multi-valued attribute is its primary value, else its first; a complex attribute sorts by its
 * {@code value} sub-attribute. Strings compare ignoring case unless caseExact, numbers
 * numerically, dateTimes chronologically, false before true. Resources without a value come last
 * ascending and first descending. Equal values are ordered by {@code id}, so pages are stable.
 */
public final class ResourceComparator implements Comparator<ObjectNode> {

  private static final ResolvedPath ID = new ResolvedPath(null, List.of("id"), null);

  private final ResolvedPath path;
  private final Kind kind;
  private final boolean caseExact;
  private final boolean descending;

  private enum Kind { TEXT, BOOLEAN, NUMBER, DATE_TIME, ANY }

  private ResourceComparator(ResolvedPath path, SortOrder order) {
    this.path = path;
    this.descending = order == SortOrder.DESCENDING;
    Attribute definition = path == null ? null : path.definition();
    this.caseExact = definition != null && definition.caseExact();
    this.kind = definition == null ? Kind.ANY : kind(definition.type());
  }

  /**
   * @param sortBy an attribute path, or null to order by id alone
   * @throws InvalidInputException 400 invalidPath when {@code sortBy} is no attribute path
   */
  public static ResourceComparator of(ResourceSchema schema, String sortBy, SortOrder order) {
    if (sortBy == null || sortBy.isBlank()) {
      return new ResourceComparator(null, order);
    }
    String checked = AttributeList.path(sortBy);
    try {
      return new ResourceComparator(ResolvedPath.resolve(Path.fromString(checked), schema).valueOfComplex(), order);
    } catch (BadRequestException e) {
      throw new InvalidInputException(ScimType.invalidPath, "Not an attribute path to sort by.");
    }
  }

  @Override
  public int compare(ObjectNode a, ObjectNode b) {
    if (path != null) {
      Key x = key(sortValue(path, a));
      Key y = key(sortValue(path, b));
      if (x == null || y == null) {
        if (x != null || y != null) {
          // Missing last ascending, first descending.
          return (x == null ? 1 : -1) * (descending ? -1 : 1);
        }
      } else {
        int order = x.compareTo(y);
        if (order != 0) {
          return descending ? -order : order;
        }
      }
    }
    return compareIds(sortValue(ID, a), sortValue(ID, b));
  }

  private static int compareIds(JsonNode a, JsonNode b) {
    String x = a == null ? null : a.asText();
    String y = b == null ? null : b.asText();
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : 1) : -1;
    }
    return x.compareTo(y);
  }

  /**
   * The value to sort a resource by: along the path, an array contributes its primary value, else
   * its first value that has one; a complex value of an unknown attribute its {@code value} member.
   */
  static JsonNode sortValue(ResolvedPath path, JsonNode resource) {
    JsonNode start = path.extension() == null ? resource : Json.field(resource, path.extension());
    return pick(start, path.names(), 0);
  }

  private static JsonNode pick(JsonNode node, List<String> names, int index) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isArray()) {
      List<JsonNode> ordered = new ArrayList<>(node.size());
      node.forEach(element -> {
        if (Json.isPrimary(element)) {
          ordered.add(element);
        }
      });
      node.forEach(element -> {
        if (!Json.isPrimary(element)) {
          ordered.add(element);
        }
      });
      for (JsonNode element : ordered) {
        JsonNode value = pick(element, names, index);
        if (value != null) {
          return value;
        }
      }
      return null;
    }
    if (index == names.size()) {
      if (node.isObject()) {
        JsonNode value = Json.field(node, "value");
        return value != null && value.isValueNode() && Json.isPresent(value) ? value : null;
      }
      return Json.isPresent(node) ? node : null;
    }
    return node.isObject() ? pick(Json.field(node, names.get(index)), names, index + 1) : null;
  }

  /**
   * A sortable key: values of the attribute's type first, in their order; then values that are not
   * of it, as text. Keys of different ranks never compare by value, so the order stays total.
   */
  private record Key(int rank, Comparable<Object> value) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      return rank != other.rank ? Integer.compare(rank, other.rank) : value.compareTo(other.value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Key key(int rank, Comparable<?> value) {
    return new Key(rank, (Comparable<Object>) value);
  }

  private Key key(JsonNode value) {
    if (value == null || !value.isValueNode()) {
      return null;
    }
    switch (kind) {
      case NUMBER: {
        BigDecimal number = Json.number(value);
        if (number != null) {
          return key(0, number);
        }
        break;
      }
      case DATE_TIME: {
        Instant instant = Json.dateTime(value);
        if (instant != null) {
          return key(0, instant);
        }
        break;
      }
      case BOOLEAN: {
        Boolean bool = Json.bool(value);
        if (bool != null) {
          return key(0, bool);
        }
        break;
      }
      case ANY: {
        if (value.isNumber()) {
          BigDecimal number = Json.number(value);
          if (number != null) {
            return key(0, number);
          }
        }
        if (value.isBoolean()) {
          return key(1, value.booleanValue());
        }
        return key(2, Json.fold(value.asText()));
      }
      case TEXT:
        return key(0, caseExact ? value.asText() : Json.fold(value.asText()));
      default:
        break;
    }
    return key(1, Json.fold(value.asText()));
  }

  private static Kind kind(AttributeType type) {
    return switch (type) {
      case INTEGER, DECIMAL -> Kind.NUMBER;
      case DATE_TIME -> Kind.DATE_TIME;
      case BOOLEAN -> Kind.BOOLEAN;
      case STRING, REFERENCE, BINARY -> Kind.TEXT;
      case COMPLEX -> Kind.ANY;
    };
  }
}
