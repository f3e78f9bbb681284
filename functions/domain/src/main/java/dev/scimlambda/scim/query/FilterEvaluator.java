package dev.scimlambda.scim.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.AttributeType;
import dev.scimlambda.scim.schema.ResourceSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Evaluates filters (RFC 7644 §3.4.2.2) against resources, by the schema's rules rather than
 * UnboundID's: attribute names in any case in the filter and in the document; strings compared
 * ignoring case unless the attribute is caseExact; numbers numerically; dateTimes chronologically;
 * a multi-valued attribute matches when any of its values does; a comparison on a complex attribute
 * compares its {@code value} sub-attribute; attributes the schema does not know compare as text
 * ignoring case, and match nothing where the document lacks them.
 *
 * <p>Conventions where the RFC leaves room: {@code ne} is the negation of {@code eq}, so it matches
 * resources without the attribute; {@code eq null} matches an unassigned attribute and
 * {@code ne null} an assigned one.
 *
 * <p>Combinations the RFC rejects are rejected whatever the data, when the filter is compiled: 400
 * {@code invalidFilter} for {@code gt}/{@code ge}/{@code lt}/{@code le} on booleans, binaries and
 * complex attributes, substring operators on booleans and numbers, and comparison values that do
 * not fit the attribute's type (a number for a boolean, a non-date for a dateTime).
 */
public final class FilterEvaluator {

  private static final int MAX_NAME_IN_DETAIL = 100;

  private FilterEvaluator() {}

  public static boolean matches(Filter filter, ObjectNode resource, ResourceSchema schema) {
    return compile(filter, schema).test(resource);
  }

  /**
   * The filter checked and resolved against the schema once, for testing many resources (a scan).
   *
   * @throws InvalidInputException 400 invalidFilter for a combination the schema rules out
   */
  public static Predicate<ObjectNode> compile(Filter filter, ResourceSchema schema) {
    Matcher matcher = compile(filter, new Scope(schema, null, false));
    return matcher::test;
  }

  /** Tests one resource, or one value of a complex attribute inside a value filter. */
  private interface Matcher {
    boolean test(JsonNode node);
  }

  /** Paths resolve from the resource, or (inside {@code attr[...]}) from a value of {@code parent}. */
  private record Scope(ResourceSchema schema, Attribute parent, boolean withinComplexValue) {
    ResolvedPath resolve(Path path) {
      return withinComplexValue ? ResolvedPath.resolveWithin(path, parent) : ResolvedPath.resolve(path, schema);
    }
  }

  private enum Kind { STRING, BINARY, BOOLEAN, NUMBER, DATE_TIME, COMPLEX, UNKNOWN }

  private static Matcher compile(Filter filter, Scope scope) {
    FilterType type = filter.getFilterType();
    switch (type) {
      case AND: {
        List<Matcher> parts = compileAll(filter.getCombinedFilters(), scope);
        return node -> {
          for (Matcher part : parts) {
            if (!part.test(node)) {
              return false;
            }
          }
          return true;
        };
      }
      case OR: {
        List<Matcher> parts = compileAll(filter.getCombinedFilters(), scope);
        return node -> {
          for (Matcher part : parts) {
            if (part.test(node)) {
              return true;
            }
          }
          return false;
        };
      }
      case NOT: {
        Matcher inverted = compile(filter.getInvertedFilter(), scope);
        return node -> !inverted.test(node);
      }
      case COMPLEX_VALUE:
        return complexValue(filter, scope);
      case PRESENT: {
        ResolvedPath path = scope.resolve(filter.getAttributePath());
        return node -> anyValue(path, node, Json::isPresent);
      }
      default:
        return comparison(type, filter.getAttributePath(), filter.getComparisonValue(), scope);
    }
  }

  private static List<Matcher> compileAll(List<Filter> filters, Scope scope) {
    List<Matcher> matchers = new ArrayList<>(filters.size());
    filters.forEach(f -> matchers.add(compile(f, scope)));
    return matchers;
  }

  /** {@code emails[type eq "work" and value co "@example.com"]}: one value must satisfy the whole inner filter. */
  private static Matcher complexValue(Filter filter, Scope scope) {
    ResolvedPath path = scope.resolve(filter.getAttributePath());
    if (path.definition() != null && !path.isComplex()) {
      throw invalid("A value filter applies to complex attributes only, not to " + name(filter.getAttributePath()) + ".");
    }
    Matcher inner = compile(filter.getValueFilter(), new Scope(scope.schema(), path.definition(), true));
    return node -> anyValue(path, node, value -> value.isObject() && inner.test(value));
  }

  private static Matcher comparison(FilterType type, Path attributePath, ValueNode value, Scope scope) {
    ResolvedPath path = scope.resolve(attributePath);
    if (value == null || value.isNull()) {
      return switch (type) {
        case EQUAL -> node -> !anyValue(path, node, Json::isPresent);
        case NOT_EQUAL -> node -> anyValue(path, node, Json::isPresent);
        default -> throw invalid("Only eq and ne compare with null.");
      };
    }
    if (type == FilterType.NOT_EQUAL) {
      Matcher equal = comparison(FilterType.EQUAL, attributePath, value, scope);
      return node -> !equal.test(node);
    }
    ResolvedPath target = path.valueOfComplex();
    Kind kind = kind(target);
    boolean ordering = isOrdering(type);
    boolean substring = isSubstring(type);
    String name = name(attributePath);
    if (value.isBoolean() && (ordering || substring)) {
      throw invalid(type.getStringValue() + " does not apply to the boolean value compared with " + name + ".");
    }
    Predicate<JsonNode> leaf = switch (kind) {
      case COMPLEX -> {
        if (ordering || substring) {
          throw invalid(type.getStringValue() + " does not apply to the complex attribute " + name + ".");
        }
        yield v -> false;
      }
      case BOOLEAN -> booleanLeaf(type, value, name, ordering || substring);
      case NUMBER -> numberLeaf(type, value, name, substring);
      case DATE_TIME -> substring ? stringLeaf(type, value, false) : dateTimeLeaf(type, value, name);
      case BINARY -> {
        if (ordering) {
          throw invalid(type.getStringValue() + " does not apply to the binary attribute " + name + ".");
        }
        yield stringLeaf(type, value, target.definition().caseExact());
      }
      case STRING -> stringLeaf(type, value, target.definition().caseExact());
      case UNKNOWN -> unknownLeaf(type, value);
    };
    return node -> anyValue(target, node, leaf);
  }

  private static Predicate<JsonNode> booleanLeaf(FilterType type, ValueNode value, String name, boolean notEquality) {
    if (notEquality) {
      throw invalid(type.getStringValue() + " does not apply to the boolean attribute " + name + ".");
    }
    Boolean wanted = Json.bool(value);
    if (wanted == null) {
      throw invalid(name + " is a boolean; compare it with true or false.");
    }
    return v -> wanted.equals(Json.bool(v));
  }

  private static Predicate<JsonNode> numberLeaf(FilterType type, ValueNode value, String name, boolean substring) {
    if (substring) {
      throw invalid(type.getStringValue() + " does not apply to the number attribute " + name + ".");
    }
    BigDecimal wanted = Json.number(value);
    if (wanted == null) {
      throw invalid(name + " is a number; compare it with a number.");
    }
    return v -> {
      BigDecimal actual = Json.number(v);
      return actual != null && holds(type, actual.compareTo(wanted));
    };
  }

  private static Predicate<JsonNode> dateTimeLeaf(FilterType type, ValueNode value, String name) {
    Instant wanted = Json.dateTime(value);
    if (wanted == null) {
      throw invalid(name + " is a dateTime; compare it with a date and time such as \"2011-05-13T04:42:34Z\".");
    }
    return v -> {
      Instant actual = Json.dateTime(v);
      return actual != null && holds(type, actual.compareTo(wanted));
    };
  }

  private static Predicate<JsonNode> stringLeaf(FilterType type, ValueNode value, boolean caseExact) {
    String wanted = caseExact ? value.asText() : Json.fold(value.asText());
    return v -> {
      String actual = Json.text(v);
      return actual != null && compareText(type, caseExact ? actual : Json.fold(actual), wanted);
    };
  }

  /**
   * Attributes outside the schema (custom extensions): numbers compare as numbers and booleans as
   * booleans when both sides are such, anything else as text ignoring case. A complex value compares
   * its {@code value} member.
   */
  private static Predicate<JsonNode> unknownLeaf(FilterType type, ValueNode value) {
    String wantedText = Json.fold(value.asText());
    BigDecimal wantedNumber = value.isNumber() ? Json.number(value) : null;
    return v -> {
      JsonNode actual = v.isObject() ? Json.field(v, "value") : v;
      if (actual == null || !actual.isValueNode() || actual.isNull()) {
        return false;
      }
      if (wantedNumber != null && actual.isNumber()) {
        BigDecimal number = Json.number(actual);
        if (number != null && !isSubstring(type)) {
          return holds(type, number.compareTo(wantedNumber));
        }
      }
      if (value.isBoolean() && actual.isBoolean()) {
        return value.booleanValue() == actual.booleanValue();
      }
      return compareText(type, Json.fold(actual.asText()), wantedText);
    };
  }

  private static boolean compareText(FilterType type, String actual, String wanted) {
    return switch (type) {
      case EQUAL -> actual.equals(wanted);
      case CONTAINS -> actual.contains(wanted);
      case STARTS_WITH -> actual.startsWith(wanted);
      case ENDS_WITH -> actual.endsWith(wanted);
      default -> holds(type, actual.compareTo(wanted));
    };
  }

  private static boolean holds(FilterType type, int comparison) {
    return switch (type) {
      case EQUAL -> comparison == 0;
      case GREATER_THAN -> comparison > 0;
      case GREATER_OR_EQUAL -> comparison >= 0;
      case LESS_THAN -> comparison < 0;
      case LESS_OR_EQUAL -> comparison <= 0;
      default -> throw new IllegalStateException("not an ordering: " + type);
    };
  }

  private static Kind kind(ResolvedPath path) {
    if (path.isComplex()) {
      return Kind.COMPLEX;
    }
    Attribute definition = path.definition();
    if (definition == null) {
      return Kind.UNKNOWN;
    }
    AttributeType type = definition.type();
    return switch (type) {
      case BOOLEAN -> Kind.BOOLEAN;
      case INTEGER, DECIMAL -> Kind.NUMBER;
      case DATE_TIME -> Kind.DATE_TIME;
      case BINARY -> Kind.BINARY;
      case COMPLEX -> Kind.COMPLEX;
      case STRING, REFERENCE -> Kind.STRING;
    };
  }

  private static boolean isOrdering(FilterType type) {
    return type == FilterType.GREATER_THAN
        || type == FilterType.GREATER_OR_EQUAL
        || type == FilterType.LESS_THAN
        || type == FilterType.LESS_OR_EQUAL;
  }

  private static boolean isSubstring(FilterType type) {
    return type == FilterType.CONTAINS || type == FilterType.STARTS_WITH || type == FilterType.ENDS_WITH;
  }

  private static boolean anyValue(ResolvedPath path, JsonNode node, Predicate<JsonNode> test) {
    for (JsonNode value : path.values(node)) {
      if (test.test(value)) {
        return true;
      }
    }
    return false;
  }

  private static String name(Path path) {
    String text = path.toString();
    return text.length() <= MAX_NAME_IN_DETAIL ? text : text.substring(0, MAX_NAME_IN_DETAIL) + "…";
  }

  private static InvalidInputException invalid(String detail) {
    return new InvalidInputException(ScimType.invalidFilter, detail);
  }
}
