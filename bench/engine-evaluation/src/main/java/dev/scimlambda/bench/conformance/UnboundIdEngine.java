package dev.scimlambda.bench.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * UnboundID scim2-sdk-common with no schema: {@link Filter#fromString}, {@link FilterEvaluator} as
 * shipped, {@link PatchRequest} applied through {@link GenericScimResource}.
 *
 * @param sdkNodes {@code false}: the document is a plain Jackson ObjectNode, as Micronaut's ObjectMapper
 *     produces it (what we hold); {@code true}: it is re-read with the SDK's reader, whose ObjectNodes
 *     match field names case-insensitively
 */
public record UnboundIdEngine(boolean sdkNodes) implements Engine {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  @Override
  public String name() {
    return sdkNodes ? "UnboundID, SDK nodes" : "UnboundID, plain ObjectNode";
  }

  @Override
  public Outcome<Boolean> filter(String filter, ObjectNode user) {
    Filter parsed;
    try {
      parsed = Filter.fromString(filter);
    } catch (ScimException e) {
      return Outcome.failed(describe(e));
    }
    try {
      return Outcome.of(FilterEvaluator.evaluate(parsed, document(user)));
    } catch (ScimException e) {
      return Outcome.failed("evaluation: " + describe(e));
    } catch (Exception e) {
      return Outcome.failed("evaluation: " + e);
    }
  }

  @Override
  public Outcome<String> path(String resourceType, String path) {
    try {
      Path parsed = Path.fromString(path);
      StringBuilder described = new StringBuilder();
      if (parsed.getSchemaUrn() != null) {
        described.append("urn=").append(parsed.getSchemaUrn().replace("urn:ietf:params:scim:schemas:", "")).append(' ');
      }
      for (Path.Element element : parsed) {
        described.append('/').append(element.getAttribute());
        if (element.getValueFilter() != null) {
          described.append('[').append(element.getValueFilter().getFilterType()).append(']');
        }
      }
      return Outcome.of(described.toString().trim());
    } catch (ScimException e) {
      return Outcome.failed(describe(e));
    }
  }

  @Override
  public Outcome<JsonNode> patch(String resourceType, ObjectNode document, String patchBody) {
    PatchRequest request;
    try {
      request = JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(patchBody);
    } catch (Exception e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof ScimException)) {
        cause = cause.getCause();
      }
      return Outcome.failed("request rejected: " + (cause instanceof ScimException s ? describe(s) : firstLine(e.getMessage())));
    }
    try {
      GenericScimResource resource = new GenericScimResource(document(document));
      request.apply(resource);
      return Outcome.of(PLAIN.readTree(resource.getObjectNode().toString()));
    } catch (ScimException e) {
      return Outcome.failed(describe(e));
    } catch (Exception e) {
      return Outcome.failed(e.toString());
    }
  }

  private ObjectNode document(ObjectNode document) throws Exception {
    return sdkNodes ? (ObjectNode) JsonUtils.getObjectReader().readTree(document.toString()) : document.deepCopy();
  }

  static String describe(ScimException e) {
    var error = e.getScimError();
    return error.getStatus() + (error.getScimType() == null ? "" : " " + error.getScimType()) + ": "
        + firstLine(error.getDetail());
  }

  static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.lines().findFirst().orElse("");
    return line.length() > 110 ? line.substring(0, 107) + "…" : line;
  }
}
