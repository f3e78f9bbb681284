package dev.scimlambda.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.CaseIgnoreObjectNode;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.AttributeType;
import java.util.Map;
import java.util.Optional;

/**
 * Value filters of PATCH paths ({@code emails[type eq "work"]}), matched by UnboundID's
 * {@link FilterEvaluator} with two corrections: sub-attribute names match in any casing (RFC 7643
 * §2.1), and string comparisons follow the schema's {@code caseExact}.
 */
final class ValueFilters {

  private ValueFilters() {}

  /** Whether one value of the multi-valued {@code attribute} (null: undefined) matches. */
  static boolean matches(Filter filter, JsonNode value, Attribute attribute) {
    try {
      return filter.visit(new SchemaEvaluator(attribute), caseIgnoring(value));
    } catch (ScimException e) {
      throw new dev.scimlambda.problem.InvalidInputException(ScimType.invalidFilter, "Cannot evaluate " + filter + ": " + e.getMessage());
    }
  }

  /**
   * The sub-attribute values a filter of equalities pins down ({@code type eq "work"}, joined by
   * {@code and}): what a value created for a filter that matches nothing is given. Empty when the
   * filter is anything else.
   */
  static Optional<ObjectNode> equalities(Filter filter) {
    ObjectNode values = ScimJson.MAPPER.createObjectNode();
    return collect(filter, values) ? Optional.of(values) : Optional.empty();
  }

  private static boolean collect(Filter filter, ObjectNode values) {
    switch (filter.getFilterType()) {
      case EQUAL -> {
        Path path = filter.getAttributePath();
        if (path == null || path.getSchemaUrn() != null || path.size() != 1
            || path.getElement(0).getValueFilter() != null
            || filter.getComparisonValue() == null || filter.getComparisonValue().isNull()) {
          return false;
        }
        values.set(path.getElement(0).getAttribute(), filter.getComparisonValue());
        return true;
      }
      case AND -> {
        for (Filter part : filter.getCombinedFilters()) {
          if (!collect(part, values)) {
            return false;
          }
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** A copy whose objects look fields up in any casing, as UnboundID's own parser makes them. */
  private static JsonNode caseIgnoring(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = new CaseIgnoreObjectNode(JsonNodeFactory.instance);
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), caseIgnoring(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(caseIgnoring(element)));
      return copy;
    }
    return node;
  }

  /** Tells the evaluator which string sub-attributes compare case-exactly. */
  private static final class SchemaEvaluator extends FilterEvaluator {
    private final Attribute attribute;

    SchemaEvaluator(Attribute attribute) {
      this.attribute = attribute;
    }

    @Override
    protected AttributeDefinition getAttributeDefinition(Path path) {
      if (attribute == null || path.getSchemaUrn() != null || path.size() != 1) {
        return null;
      }
      return attribute.subAttribute(path.getElement(0).getAttribute())
          .filter(sub -> sub.type() == AttributeType.STRING)
          .map(sub -> new AttributeDefinition.Builder()
              .setName(sub.name())
              .setType(AttributeDefinition.Type.STRING)
              .setCaseExact(sub.caseExact())
              .build())
          .orElse(null);
    }
  }
}
