package dev.scimlambda.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import java.util.List;

/** The JSON documents of the SCIM protocol that are not resources: errors and list responses. */
public final class ScimJson {

  public static final String MEDIA_TYPE = "application/scim+json";
  public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  public static final String LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  /** Shared: an ObjectMapper is thread-safe once configured, and costly to build on a cold start. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private ScimJson() {}

  /** RFC 7644 §3.12: {@code status} is a string, {@code scimType} only where one applies. */
  public static ObjectNode error(int status, ScimType scimType, String detail) {
    ObjectNode error = MAPPER.createObjectNode();
    error.putArray("schemas").add(ERROR_SCHEMA);
    if (scimType != null) {
      error.put("scimType", scimType.name());
    }
    error.put("detail", detail);
    error.put("status", Integer.toString(status));
    return error;
  }

  public static ObjectNode error(Problem e) {
    return error(e.status(), e.scimType(), e.getMessage());
  }

  /** RFC 7644 §3.4.2 ListResponse, with every resource on one page. */
  public static ObjectNode listResponse(List<ObjectNode> resources) {
    ObjectNode list = MAPPER.createObjectNode();
    list.putArray("schemas").add(LIST_RESPONSE_SCHEMA);
    list.put("totalResults", resources.size());
    list.put("startIndex", 1);
    list.put("itemsPerPage", resources.size());
    ArrayNode array = list.putArray("Resources");
    resources.forEach(array::add);
    return list;
  }
}
