package dev.scimlambda.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.dialects.OpNameCasing;
import dev.scimlambda.scim.resource.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One operation of a PatchOp message (RFC 7644 §3.5.2): its kind, its path if any, its value. */
record PatchOperation(PatchOperation.Op op, String path, JsonNode value) {

  enum Op { ADD, REPLACE, REMOVE }

  /** A path is an attribute path with at most one value filter: as long as a filter may be (ScimFilters.MAX_LENGTH). */
  static final int MAX_PATH_LENGTH = 4096;

  /**
   * The operations of a PatchOp message, in order. Member names and {@code op} values are read
   * case-insensitively ({@link OpNameCasing}).
   */
  static List<PatchOperation> parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw syntax("A PATCH request body must be a JSON object");
    }
    ObjectNode message = (ObjectNode) body;
    if (!listsPatchOp(JsonFields.get(message, "schemas"))) {
      throw syntax("'schemas' must list " + ScimPatch.PATCH_OP);
    }
    JsonNode operations = JsonFields.get(message, "Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw syntax("'Operations' must be a non-empty array");
    }
    List<PatchOperation> parsed = new ArrayList<>();
    for (JsonNode operation : operations) {
      parsed.add(parseOne(operation, "Operations[" + parsed.size() + "]"));
    }
    return parsed;
  }

  private static PatchOperation parseOne(JsonNode node, String where) {
    if (!node.isObject()) {
      throw syntax(where + " must be a JSON object");
    }
    ObjectNode operation = (ObjectNode) node;
    JsonNode opNode = JsonFields.get(operation, "op");
    if (opNode == null || !opNode.isTextual()) {
      throw syntax(where + " needs an 'op': add, replace or remove");
    }
    Op op = switch (OpNameCasing.normalized(opNode.textValue())) {
      case "add" -> Op.ADD;
      case "replace" -> Op.REPLACE;
      case "remove" -> Op.REMOVE;
      default -> throw syntax(where + " has an unknown 'op' \"" + opNode.textValue() + "\": expected add, replace or remove");
    };
    JsonNode pathNode = JsonFields.get(operation, "path");
    String path = null;
    if (pathNode != null && !pathNode.isNull()) {
      if (!pathNode.isTextual()) {
        throw new InvalidInputException(ScimType.invalidPath, where + " has a 'path' that is not a string");
      }
      path = pathNode.textValue().isBlank() ? null : pathNode.textValue().trim();
      if (path != null && path.length() > MAX_PATH_LENGTH) {
        throw new InvalidInputException(ScimType.invalidPath,
            where + " has a 'path' longer than " + MAX_PATH_LENGTH + " characters");
      }
    }
    JsonNode value = JsonFields.get(operation, "value");
    if (op != Op.REMOVE && value == null) {
      throw syntax(where + " (" + op.name().toLowerCase(Locale.ROOT) + ") needs a 'value'");
    }
    return new PatchOperation(op, path, value);
  }

  private static boolean listsPatchOp(JsonNode schemas) {
    if (schemas == null || !schemas.isArray()) {
      return false;
    }
    for (JsonNode urn : schemas) {
      if (urn.isTextual() && urn.textValue().trim().equalsIgnoreCase(ScimPatch.PATCH_OP)) {
        return true;
      }
    }
    return false;
  }

  private static InvalidInputException syntax(String detail) {
    return new InvalidInputException(ScimType.invalidSyntax, detail);
  }
}
