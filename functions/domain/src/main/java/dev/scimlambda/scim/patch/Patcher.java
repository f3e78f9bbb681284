package dev.scimlambda.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.patch.PatchOperation.Op;
import dev.scimlambda.scim.resource.AttributeValues;
import dev.scimlambda.scim.resource.JsonFields;
import dev.scimlambda.scim.schema.Attribute;
import dev.scimlambda.scim.schema.Mutability;
import dev.scimlambda.scim.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Applies operations, one after the other, to a working copy of a resource. */
final class Patcher {

  private final ObjectNode document;
  private final ResourceSchema schema;

  Patcher(ObjectNode document, ResourceSchema schema) {
    this.document = document;
    this.schema = schema;
  }

  void apply(PatchOperation operation) {
    Target target = operation.path() == null
        ? new Target.Resource()
        : Paths.resolve(operation.path(), schema, document);
    if (target instanceof Target.Resource) {
      if (operation.op() == Op.REMOVE) {
        throw new InvalidInputException(ScimType.noTarget, "A remove operation needs a path");
      }
      applyToResource(operation.op(), operation.value());
    } else {
      apply(operation.op(), target, operation.value(), true);
    }
  }

  /** RFC 7644 §3.5.2.1, §3.5.2.3 without a path: the value holds the attributes to add or replace. */
  private void applyToResource(Op op, JsonNode value) {
    if (!value.isObject()) {
      throw invalidValue("Without a path, the value of an operation must be an object of attributes");
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      Target target = Paths.resolveKey(field.getKey(), field.getValue(), schema, document);
      if (target instanceof Target.Resource) {
        if (!AttributeValues.isAbsent(field.getValue())) {
          applyToResource(op, field.getValue());
        }
      } else {
        apply(op, target, field.getValue(), false);
      }
    }
  }

  private void apply(Op op, Target target, JsonNode value, boolean explicitPath) {
    if (target instanceof Target.Schemas) {
      return;
    }
    if (target instanceof Target.Extension extension) {
      applyToExtension(op, extension, value);
      return;
    }
    if (target instanceof Target.Resource) {
      apply(new PatchOperation(op, null, value));
      return;
    }
    Target.AttributePath path = (Target.AttributePath) target;
    if (isReadOnly(path)) {
      // A path-less value may repeat a read-only attribute as it is (e.g. the id); changing it is refused.
      if (explicitPath || path.filter() != null || !Objects.equals(currentValue(path), value)) {
        throw new InvalidInputException(ScimType.mutability, "Attribute '" + path.label() + "' is read-only");
      }
      return;
    }
    if (isWriteOnly(path)) {
      // A password: type-checked, never stored.
      if (op != Op.REMOVE) {
        Attribute definition = path.subDefinition() != null ? path.subDefinition() : path.definition();
        AttributeValues.normalize(definition, value, path.label());
      }
      return;
    }
    if (op == Op.REMOVE || AttributeValues.isAbsent(value)) {
      // RFC 7643 §2.5: setting null leaves the attribute unassigned, as removing it does.
      remove(path, op == Op.REMOVE ? value : null);
    } else {
      set(op, path, value);
    }
  }

  private void applyToExtension(Op op, Target.Extension extension, JsonNode value) {
    if (op == Op.REMOVE || AttributeValues.isAbsent(value)) {
      String key = JsonFields.find(document, extension.urn());
      if (key == null) {
        return;
      }
      JsonNode values = document.get(key);
      if (extension.schema() != null && values.isObject()) {
        for (Attribute attribute : extension.schema().attributes().values()) {
          JsonNode current = JsonFields.get((ObjectNode) values, attribute.name());
          if (attribute.mutability() == Mutability.IMMUTABLE && !AttributeValues.isBlank(current)) {
            throw immutable(attribute.name());
          }
        }
      }
      document.remove(key);
      return;
    }
    if (!value.isObject()) {
      throw invalidValue("The value for extension '" + extension.urn() + "' must be an object of its attributes");
    }
    if (extension.schema() == null) {
      // A custom extension: its attributes are kept as sent.
      JsonNode existing = JsonFields.get(document, extension.urn());
      if (existing != null && existing.isObject()) {
        value.properties().forEach(field -> JsonFields.put((ObjectNode) existing, field.getKey(), field.getValue().deepCopy()));
        JsonFields.put(document, extension.urn(), existing);
      } else {
        JsonFields.put(document, extension.urn(), value.deepCopy());
      }
      return;
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      Target target = Paths.resolve(extension.urn() + ":" + field.getKey().trim(), schema, document);
      apply(op, target, field.getValue(), false);
    }
  }

  // ---- remove (RFC 7644 §3.5.2.2) ----

  private void remove(Target.AttributePath path, JsonNode listed) {
    ObjectNode container = container(path, false);
    if (container == null) {
      return;
    }
    String key = JsonFields.find(container, path.name());
    if (key == null) {
      return;
    }
    JsonNode current = container.get(key);
    if (path.filter() == null && path.sub() == null) {
      if (!AttributeValues.isAbsent(listed) && current.isArray()) {
        // Entra removes members as {"op":"Remove","path":"members","value":[{"value":"<id>"}]}:
        // only the values listed go.
        removeListed(path, (ArrayNode) current, listed);
      } else {
        requireRemovable(path.definition(), current, path.name());
        container.remove(key);
      }
    } else if (path.filter() == null) {
      if (current.isObject()) {
        removeSub(path, (ObjectNode) current);
      } else if (current.isArray()) {
        removeSubs(path, (ArrayNode) current, elements(current));
      }
    } else if (current.isArray()) {
      ArrayNode values = (ArrayNode) current;
      List<JsonNode> matches = matching(path, values);
      if (path.sub() == null) {
        if (!matches.isEmpty()) {
          requireValuesChangeable(path);
        }
        matches.forEach(match -> removeIdentical(values, match));
      } else {
        removeSubs(path, values, matches);
      }
    }
    // A filter that matches nothing removes nothing: no error, the client's intent holds.
    dropIfEmpty(container, key);
  }

  private void removeListed(Target.AttributePath path, ArrayNode values, JsonNode listed) {
    Iterable<JsonNode> items = listed.isArray() ? listed : List.of(listed);
    for (JsonNode item : items) {
      for (int i = values.size() - 1; i >= 0; i--) {
        if (sameListedValue(values.get(i), item)) {
          requireValuesChangeable(path);
          values.remove(i);
        }
      }
    }
  }

  /** A value matches a listed one when every sub-attribute the listed one gives is equal. */
  private static boolean sameListedValue(JsonNode value, JsonNode listed) {
    if (value.isObject() && listed.isObject() && !listed.isEmpty()) {
      for (Map.Entry<String, JsonNode> field : listed.properties()) {
        if (!Objects.equals(JsonFields.get((ObjectNode) value, field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    return value.equals(listed);
  }

  private void removeSub(Target.AttributePath path, ObjectNode value) {
    JsonNode current = JsonFields.get(value, path.sub());
    if (current == null) {
      return;
    }
    if (path.subDefinition() != null && path.subDefinition().mutability() == Mutability.IMMUTABLE && !AttributeValues.isBlank(current)) {
      throw immutable(path.label());
    }
    JsonFields.remove(value, path.sub());
  }

  /**
   * Removes a sub-attribute from some values of a multi-valued attribute. A value without its
   * {@code value} is meaningless (an email with only a type), so removing {@code value} removes
   * the whole value: {@code emails[type eq "work"].value} takes the work email away.
   */
  private void removeSubs(Target.AttributePath path, ArrayNode values, List<JsonNode> targets) {
    for (JsonNode target : targets) {
      if (!target.isObject()) {
        continue;
      }
      if (path.sub().equalsIgnoreCase(AttributeValues.VALUE)) {
        if (JsonFields.find((ObjectNode) target, path.sub()) != null) {
          requireValuesChangeable(path);
          removeIdentical(values, target);
        }
        continue;
      }
      if (JsonFields.find((ObjectNode) target, path.sub()) != null) {
        requireValuesChangeable(path);
      }
      removeSub(path, (ObjectNode) target);
      if (target.isEmpty()) {
        removeIdentical(values, target);
      }
    }
  }

  // ---- add and replace (RFC 7644 §3.5.2.1, §3.5.2.3) ----

  private void set(Op op, Target.AttributePath path, JsonNode value) {
    ObjectNode container = container(path, true);
    String key = JsonFields.find(container, path.name());
    JsonNode current = key == null ? null : container.get(key);
    if (current != null) {
      JsonFields.put(container, path.name(), current);
    }
    if (path.filter() != null) {
      setFiltered(op, path, container, current, value);
    } else if (path.sub() != null) {
      setSub(path, container, current, value);
    } else {
      setWhole(op, path, container, current, value);
    }
    dropIfEmpty(container, path.name());
  }

  private void setWhole(Op op, Target.AttributePath path, ObjectNode container, JsonNode current, JsonNode value) {
    Attribute definition = path.definition();
    if (path.custom()) {
      if (op == Op.ADD && current != null && current.isArray()) {
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
          if (!contains((ArrayNode) current, item)) {
            ((ArrayNode) current).add(item.deepCopy());
          }
        }
      } else {
        container.set(path.name(), value.deepCopy());
      }
      return;
    }
    if (definition.multiValued()) {
      List<JsonNode> values = AttributeValues.values(definition, value, path.label());
      if (op == Op.ADD && current != null && current.isArray()) {
        // Add appends the values not already there: a member added again by its id alone is
        // already there.
        ArrayNode array = (ArrayNode) current;
        List<JsonNode> written = new ArrayList<>();
        for (JsonNode item : values) {
          if (!covered(array, item)) {
            array.add(item);
            written.add(item);
          }
        }
        onePrimary(path, array, written);
        return;
      }
      ArrayNode array = ScimJson.MAPPER.createArrayNode();
      values.forEach(array::add);
      if (definition.mutability() == Mutability.IMMUTABLE && !AttributeValues.isBlank(current) && !array.equals(current)) {
        throw immutable(path.label());
      }
      container.set(path.name(), array);
      return;
    }
    if (definition.isComplex()) {
      // Sub-attributes given replace theirs; the others stay (RFC 7644 §3.5.2.3).
      ObjectNode target = current != null && current.isObject() ? (ObjectNode) current : ScimJson.MAPPER.createObjectNode();
      merge(definition, target, value, path.label());
      container.set(path.name(), target);
      return;
    }
    setChecked(container, path.name(), definition, AttributeValues.single(definition, value, path.label()), path.label());
  }

  /** {@code attribute.sub} without a filter: the single complex value, or every value of a multi-valued one. */
  private void setSub(Target.AttributePath path, ObjectNode container, JsonNode current, JsonNode value) {
    JsonNode subValue = path.custom() ? value.deepCopy() : AttributeValues.normalize(path.subDefinition(), value, path.label());
    boolean multiValued = path.custom() ? current != null && current.isArray() : path.definition().multiValued();
    if (!multiValued) {
      ObjectNode target;
      if (current == null) {
        target = ScimJson.MAPPER.createObjectNode();
      } else if (current.isObject()) {
        target = (ObjectNode) current;
      } else if (path.custom()) {
        throw Paths.invalidPath("'" + path.name() + "' is not a complex attribute");
      } else {
        target = ScimJson.MAPPER.createObjectNode();
      }
      setChecked(target, path.sub(), path.subDefinition(), subValue, path.label());
      container.set(path.name(), target);
      return;
    }
    ArrayNode values = current != null && current.isArray() ? (ArrayNode) current : ScimJson.MAPPER.createArrayNode();
    List<JsonNode> written = new ArrayList<>();
    if (elements(values).isEmpty()) {
      ObjectNode created = ScimJson.MAPPER.createObjectNode().set(path.sub(), subValue);
      values.add(created);
      written.add(created);
    } else {
      requireValuesChangeable(path);
      for (JsonNode element : elements(values)) {
        setChecked((ObjectNode) element, path.sub(), path.subDefinition(), subValue, path.label());
        written.add(element);
      }
    }
    container.set(path.name(), values);
    onePrimary(path, values, written);
  }

  /**
   * {@code attribute[filter]} and {@code attribute[filter].sub}. When the filter matches nothing
   * and is made of equalities, the value is created with them: Entra replaces
   * {@code emails[type eq "work"].value} on users who have no work email yet.
   */
  private void setFiltered(Op op, Target.AttributePath path, ObjectNode container, JsonNode current, JsonNode value) {
    ArrayNode values;
    if (current == null) {
      values = ScimJson.MAPPER.createArrayNode();
    } else if (current.isArray()) {
      values = (ArrayNode) current;
    } else {
      throw Paths.invalidPath("'" + path.name() + "' is not multi-valued and takes no value filter");
    }
    List<JsonNode> matches = matching(path, values);
    List<JsonNode> written = new ArrayList<>();
    if (matches.isEmpty()) {
      ObjectNode created = ValueFilters.equalities(path.filter()).orElseThrow(() -> new InvalidInputException(
          ScimType.noTarget, "No value of '" + path.name() + "' matches " + path.filter()));
      if (path.sub() != null) {
        created.set(path.sub(), value);
      } else if (value.isObject()) {
        value.properties().forEach(field -> created.set(field.getKey(), field.getValue()));
      } else {
        throw invalidValue("The value for '" + path.text() + "' must be an object");
      }
      JsonNode normalized = path.custom() ? created.deepCopy() : AttributeValues.single(path.definition(), created, path.label());
      if (normalized == null) {
        return;
      }
      values.add(normalized);
      written.add(normalized);
    } else if (path.sub() == null) {
      requireValuesChangeable(path);
      JsonNode replacement = path.custom() ? value.deepCopy() : AttributeValues.single(path.definition(), value, path.label());
      for (JsonNode match : matches) {
        if (op == Op.ADD && match.isObject() && !path.custom()) {
          merge(path.definition(), (ObjectNode) match, value, path.label());
          written.add(match);
        } else {
          JsonNode copy = replacement == null ? null : replacement.deepCopy();
          if (!path.custom()) {
            keepImmutable(path.definition(), match, copy, path.label());
          }
          replaceIdentical(values, match, copy);
          if (copy != null) {
            written.add(copy);
          }
        }
      }
    } else {
      requireValuesChangeable(path);
      JsonNode subValue = path.custom() ? value.deepCopy() : AttributeValues.normalize(path.subDefinition(), value, path.label());
      for (JsonNode match : matches) {
        if (match.isObject()) {
          setChecked((ObjectNode) match, path.sub(), path.subDefinition(), subValue, path.label());
          written.add(match);
        }
      }
    }
    container.set(path.name(), values);
    onePrimary(path, values, written);
  }

  /** Sets the sub-attributes {@code value} gives on {@code target}; null ones are removed. */
  private static void merge(Attribute definition, ObjectNode target, JsonNode value, String label) {
    ObjectNode given = AttributeValues.complexObject(definition, value, label);
    for (Map.Entry<String, JsonNode> field : given.properties()) {
      Attribute sub = definition.subAttribute(field.getKey()).orElse(null);
      if (sub == null || sub.mutability() == Mutability.READ_ONLY) {
        continue;
      }
      String subLabel = label + "." + sub.name();
      setChecked(target, sub.name(), sub, AttributeValues.normalize(sub, field.getValue(), subLabel), subLabel);
    }
  }

  /** Sets, or removes when null, one value, refusing to change an immutable one that is set. */
  private static void setChecked(ObjectNode container, String name, Attribute definition, JsonNode value, String label) {
    JsonNode old = JsonFields.get(container, name);
    if (definition != null && definition.mutability() == Mutability.IMMUTABLE
        && !AttributeValues.isBlank(old) && !Objects.equals(old, value)) {
      throw immutable(label);
    }
    if (value == null) {
      JsonFields.remove(container, name);
    } else {
      JsonFields.put(container, name, value);
    }
  }

  /**
   * RFC 7644 §3.5.2: a value set primary makes the others non-primary; RFC 7643 §2.4: at most one
   * value is primary.
   */
  private static void onePrimary(Target.AttributePath path, ArrayNode values, List<JsonNode> written) {
    if (path.custom() || path.definition().subAttribute(AttributeValues.PRIMARY).isEmpty()) {
      return;
    }
    long primaries = written.stream().filter(AttributeValues::isPrimary).count();
    if (primaries > 1) {
      throw invalidValue("At most one value of '" + path.name() + "' may be primary");
    }
    if (primaries == 0) {
      return;
    }
    for (JsonNode value : values) {
      if (AttributeValues.isPrimary(value) && written.stream().noneMatch(w -> w == value)) {
        ((ObjectNode) value).put(AttributeValues.PRIMARY, false);
      }
    }
  }

  // ---- mutability (RFC 7643 §2.2) ----

  private static boolean isReadOnly(Target.AttributePath path) {
    return (path.definition() != null && path.definition().mutability() == Mutability.READ_ONLY)
        || (path.subDefinition() != null && path.subDefinition().mutability() == Mutability.READ_ONLY);
  }

  private static boolean isWriteOnly(Target.AttributePath path) {
    return (path.definition() != null && path.definition().mutability() == Mutability.WRITE_ONLY)
        || (path.subDefinition() != null && path.subDefinition().mutability() == Mutability.WRITE_ONLY);
  }

  /** Removing an attribute that has a value: refused if it, or a sub-attribute with a value, is immutable. */
  private static void requireRemovable(Attribute definition, JsonNode current, String label) {
    if (definition == null || AttributeValues.isBlank(current)) {
      return;
    }
    if (definition.mutability() == Mutability.IMMUTABLE) {
      throw immutable(label);
    }
    if (definition.isComplex() && !definition.multiValued() && current.isObject()) {
      for (Attribute sub : definition.subAttributes().values()) {
        if (sub.mutability() == Mutability.IMMUTABLE && !AttributeValues.isBlank(JsonFields.get((ObjectNode) current, sub.name()))) {
          throw immutable(label + "." + sub.name());
        }
      }
    }
  }

  /** Existing values of an immutable multi-valued attribute may not change or go. */
  private static void requireValuesChangeable(Target.AttributePath path) {
    if (!path.custom() && path.definition().mutability() == Mutability.IMMUTABLE) {
      throw immutable(path.name());
    }
  }

  /**
   * Replacing a value whole keeps the immutable sub-attributes the replacement leaves out, as PUT
   * does, and may not change those it gives.
   */
  private static void keepImmutable(Attribute definition, JsonNode old, JsonNode replacement, String label) {
    if (!old.isObject() || replacement == null || !replacement.isObject()) {
      return;
    }
    for (Attribute sub : definition.subAttributes().values()) {
      JsonNode before = JsonFields.get((ObjectNode) old, sub.name());
      if (sub.mutability() != Mutability.IMMUTABLE || AttributeValues.isBlank(before)) {
        continue;
      }
      JsonNode after = replacement.get(sub.name());
      if (after == null) {
        ((ObjectNode) replacement).set(sub.name(), before.deepCopy());
      } else if (!after.equals(before)) {
        throw immutable(label + "." + sub.name());
      }
    }
  }

  // ---- helpers ----

  /** The object holding the target's attribute: the resource, or its extension's object. */
  private ObjectNode container(Target.AttributePath path, boolean create) {
    if (path.urn() == null) {
      return document;
    }
    JsonNode existing = JsonFields.get(document, path.urn());
    if (existing != null && existing.isObject()) {
      JsonFields.put(document, path.urn(), existing);
      return (ObjectNode) existing;
    }
    if (!create) {
      return null;
    }
    ObjectNode values = ScimJson.MAPPER.createObjectNode();
    JsonFields.put(document, path.urn(), values);
    return values;
  }

  private JsonNode currentValue(Target.AttributePath path) {
    ObjectNode container = container(path, false);
    JsonNode current = container == null ? null : JsonFields.get(container, path.name());
    if (path.sub() != null) {
      current = current != null && current.isObject() ? JsonFields.get((ObjectNode) current, path.sub()) : null;
    }
    return current;
  }

  private static List<JsonNode> matching(Target.AttributePath path, ArrayNode values) {
    List<JsonNode> matches = new ArrayList<>();
    for (JsonNode value : values) {
      if (ValueFilters.matches(path.filter(), value, path.definition())) {
        matches.add(value);
      }
    }
    return matches;
  }

  private static List<JsonNode> elements(JsonNode values) {
    List<JsonNode> elements = new ArrayList<>();
    values.forEach(value -> {
      if (value.isObject()) {
        elements.add(value);
      }
    });
    return elements;
  }

  /** Whether some value already holds everything {@code value} gives. */
  private static boolean covered(ArrayNode values, JsonNode value) {
    for (JsonNode existing : values) {
      if (existing.equals(value) || (existing.isObject() && value.isObject() && sameListedValue(existing, value))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(ArrayNode values, JsonNode value) {
    for (JsonNode existing : values) {
      if (existing.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static void removeIdentical(ArrayNode values, JsonNode value) {
    for (int i = values.size() - 1; i >= 0; i--) {
      if (values.get(i) == value) {
        values.remove(i);
      }
    }
  }

  private static void replaceIdentical(ArrayNode values, JsonNode old, JsonNode replacement) {
    for (int i = values.size() - 1; i >= 0; i--) {
      if (values.get(i) == old) {
        if (replacement == null) {
          values.remove(i);
        } else {
          values.set(i, replacement);
        }
      }
    }
  }

  /** RFC 7644 §3.5.2.2: an attribute left with no value is unassigned; an empty extension goes too. */
  private void dropIfEmpty(ObjectNode container, String name) {
    String key = JsonFields.find(container, name);
    if (key != null && container.get(key).isContainerNode() && container.get(key).isEmpty()) {
      container.remove(key);
    }
    if (container != document && container.isEmpty()) {
      for (Map.Entry<String, JsonNode> field : document.properties()) {
        if (field.getValue() == container) {
          document.remove(field.getKey());
          return;
        }
      }
    }
  }

  private static InvalidInputException immutable(String label) {
    return new InvalidInputException(ScimType.mutability, "Attribute '" + label + "' is immutable and already has a value");
  }

  private static InvalidInputException invalidValue(String detail) {
    return new InvalidInputException(ScimType.invalidValue, detail);
  }
}
