package dev.scimlambda.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.query.FilterEvaluator;
import dev.scimlambda.scim.query.ScimFilters;
import dev.scimlambda.scim.resource.ResourceLimits;
import dev.scimlambda.scim.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The net effect of a request's member operations, in their order: which members to put, which to
 * delete, whether the stored members are dropped first, and filters selecting stored members to
 * delete. It is applied as membership item puts and deletes, never as a rewrite of a member list.
 */
final class MemberChanges {

  private static final String CORE_PREFIX = ScimSchemas.GROUP.toLowerCase(Locale.ROOT) + ":";

  private boolean replaceAll;
  private final Map<String, Member> adds = new LinkedHashMap<>();
  private final Set<String> removes = new LinkedHashSet<>();
  private final List<Filter> removeFilters = new ArrayList<>();

  boolean isEmpty() {
    return !replaceAll && adds.isEmpty() && removes.isEmpty() && removeFilters.isEmpty();
  }

  boolean replaceAll() {
    return replaceAll;
  }

  Map<String, Member> adds() {
    return adds;
  }

  Set<String> removes() {
    return removes;
  }

  /** Whether a stored member is removed by one of the filters and not put back afterwards. */
  boolean removedByFilter(Member stored) {
    if (adds.containsKey(stored.value())) {
      return false;
    }
    for (Filter filter : removeFilters) {
      if (matches(filter, stored)) {
        return true;
      }
    }
    return false;
  }

  boolean hasRemoveFilters() {
    return !removeFilters.isEmpty();
  }

  /** The members of a POST or PUT: the whole set. */
  static MemberChanges replacing(JsonNode members) {
    MemberChanges changes = new MemberChanges();
    changes.replaceAll = true;
    changes.add(members);
    return changes;
  }

  /** A PATCH body split into the operations on the document and those on members. */
  record Split(ObjectNode documentPatch, MemberChanges members) {}

  /**
   * Splits a PatchOp message (already checked by the document patcher's parser for its shape). Member
   * operations: {@code add members}, {@code replace members} (the whole set, {@code []} empties it),
   * {@code remove members} (all, or those listed in {@code value}, as Entra sends),
   * {@code remove members[filter]}, and {@code members} inside a path-less add or replace value.
   */
  static Split split(JsonNode body) {
    MemberChanges changes = new MemberChanges();
    ObjectNode documentPatch = ((ObjectNode) body).deepCopy();
    ArrayNode documentOps = ScimJson.MAPPER.createArrayNode();
    String operationsField = "Operations";
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equalsIgnoreCase("Operations")) {
        operationsField = name;
      }
    }
    for (JsonNode operation : body.get(operationsField)) {
      String op = field(operation, "op").asText().trim().toLowerCase(Locale.ROOT);
      JsonNode pathNode = field(operation, "path");
      String path = pathNode.isTextual() && !pathNode.asText().isBlank() ? pathNode.asText().trim() : null;
      JsonNode value = field(operation, "value");
      if (path == null) {
        if (value.isObject() && (op.equals("add") || op.equals("replace"))) {
          ObjectNode rest = ((ObjectNode) value).deepCopy();
          String membersKey = null;
          for (Iterator<String> keys = rest.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (isMembers(key)) {
              membersKey = key;
            }
          }
          if (membersKey != null) {
            changes.apply(op, value.get(membersKey));
            rest.remove(membersKey);
            if (rest.isEmpty()) {
              continue;
            }
            ObjectNode copy = ((ObjectNode) operation).deepCopy();
            copy.set(valueFieldName(operation), rest);
            documentOps.add(copy);
            continue;
          }
        }
        documentOps.add(operation);
        continue;
      }
      String relative = relative(path);
      String lower = relative.toLowerCase(Locale.ROOT);
      if (isMembers(relative)) {
        changes.apply(op, value);
      } else if (lower.startsWith("members[") && lower.endsWith("]") && op.equals("remove")) {
        changes.removeFilter(ScimFilters.parse(relative));
      } else if (lower.startsWith("members[") || lower.startsWith("members.")) {
        throw new InvalidInputException(ScimType.invalidPath,
            "Members can be added, replaced and removed, not changed in place: " + path);
      } else {
        documentOps.add(operation);
      }
    }
    if (documentOps.isEmpty()) {
      return new Split(null, changes);
    }
    documentPatch.set(operationsField, documentOps);
    return new Split(documentPatch, changes);
  }

  private void apply(String op, JsonNode value) {
    switch (op) {
      case "add" -> add(value);
      case "replace" -> {
        replaceAll = true;
        adds.clear();
        removes.clear();
        removeFilters.clear();
        add(value);
      }
      default -> {
        if (value.isMissingNode() || value.isNull() || (value.isArray() && value.isEmpty())) {
          replaceAll = true;
          adds.clear();
          removes.clear();
          removeFilters.clear();
        } else {
          for (Member member : members(value)) {
            adds.remove(member.value());
            removes.add(member.value());
          }
        }
      }
    }
  }

  private void add(JsonNode value) {
    for (Member member : members(value)) {
      removes.remove(member.value());
      adds.put(member.value(), member);
    }
  }

  private void removeFilter(Filter filter) {
    List<String> ids = equalityIds(filter.getValueFilter());
    if (ids != null) {
      ids.forEach(id -> {
        adds.remove(id);
        removes.add(id);
      });
      return;
    }
    adds.values().removeIf(member -> matches(filter, member));
    removeFilters.add(filter);
  }

  /** The ids of {@code value eq "x"} or an or of such; null for any other filter. */
  private static List<String> equalityIds(Filter filter) {
    if (filter.getFilterType() == FilterType.OR) {
      List<String> ids = new ArrayList<>();
      for (Filter operand : filter.getCombinedFilters()) {
        List<String> some = equalityIds(operand);
        if (some == null) {
          return null;
        }
        ids.addAll(some);
      }
      return ids;
    }
    if (filter.getFilterType() == FilterType.EQUAL && filter.getAttributePath().toString().equalsIgnoreCase("value")
        && filter.getComparisonValue() != null && filter.getComparisonValue().isTextual()) {
      ResourceLimits.requireKey("members.value", filter.getComparisonValue().textValue());
      return List.of(filter.getComparisonValue().textValue());
    }
    return null;
  }

  private static boolean matches(Filter filter, Member member) {
    ObjectNode group = ScimJson.MAPPER.createObjectNode();
    group.putArray("members").add(Members.toJson(member, null));
    return FilterEvaluator.matches(filter, group, ScimSchemas.group());
  }

  /** Members as sent: an array of {value, type, display}, or one such object. */
  static List<Member> members(JsonNode value) {
    List<Member> members = new ArrayList<>();
    if (value == null || value.isMissingNode() || value.isNull()) {
      return members;
    }
    JsonNode list = value.isArray() ? value : ScimJson.MAPPER.createArrayNode().add(value);
    for (JsonNode member : list) {
      if (!member.isObject()) {
        throw new InvalidInputException(ScimType.invalidValue, "A member must be an object with a value");
      }
      JsonNode id = field(member, "value");
      if (!id.isTextual() || id.asText().isBlank()) {
        throw new InvalidInputException(ScimType.invalidValue, "A member needs a value: the id of a user or group");
      }
      JsonNode type = field(member, "type");
      String typeName = null;
      if (type.isTextual()) {
        typeName = switch (type.asText().trim().toLowerCase(Locale.ROOT)) {
          case "user" -> Member.USER;
          case "group" -> Member.GROUP;
          default -> throw new InvalidInputException(ScimType.invalidValue, "A member's type is User or Group");
        };
      }
      JsonNode display = field(member, "display");
      ResourceLimits.requireKey("members.value", id.asText().trim());
      if (display.isTextual()) {
        ResourceLimits.requireDisplay(display.asText());
      }
      members.add(new Member(id.asText().trim(), typeName, display.isTextual() ? display.asText() : null));
    }
    return members;
  }

  private static JsonNode field(JsonNode node, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String valueFieldName(JsonNode operation) {
    for (Iterator<String> names = operation.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equalsIgnoreCase("value")) {
        return name;
      }
    }
    return "value";
  }

  private static boolean isMembers(String path) {
    return relative(path).equalsIgnoreCase("members");
  }

  /** The path without the Group schema URN in front. */
  private static String relative(String path) {
    return path.toLowerCase(Locale.ROOT).startsWith(CORE_PREFIX) ? path.substring(CORE_PREFIX.length()) : path;
  }
}
