package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.activity.ActivityLog;
import dev.scimlambda.mapping.ConnectionMappings;
import dev.scimlambda.mapping.CustomField;
import dev.scimlambda.mapping.CustomFields;
import dev.scimlambda.mapping.TargetGroups;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.scim.ScimJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code /admin/v1/workspaces/{ws}/fields} (the workspace's custom profile fields) and
 * {@code .../connections/{id}/mapping} (a connection's attribute mapping and target groups).
 */
@Controller("/admin/v1/workspaces/{workspaceId}")
public final class MappingController {

  private final CustomFields fields;
  private final ConnectionMappings mappings;
  private final ActivityLog activity;

  public MappingController(CustomFields fields, ConnectionMappings mappings, ActivityLog activity) {
    this.fields = fields;
    this.mappings = mappings;
    this.activity = activity;
  }

  /** {@code {"key": "costCenter", "label": "Cost center", "type": "string|number|boolean"}}; 409 when the key exists. */
  @Post("/fields")
  public HttpResponse<JsonNode> createField(String workspaceId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    CustomField field = fields.create(workspaceId, body.requiredString("key"), body.string("label").orElse(null),
        body.requiredString("type"));
    return HttpResponse.<JsonNode>status(HttpStatus.CREATED).body((JsonNode) AdminJson.customField(field))
        .header("Location", "/admin/v1/workspaces/" + workspaceId + "/fields/" + field.key());
  }

  @Get("/fields")
  public JsonNode listFields(String workspaceId) {
    ObjectNode body = ScimJson.MAPPER.createObjectNode();
    ArrayNode items = body.putArray("fields");
    fields.list(workspaceId).forEach(f -> items.add(AdminJson.customField(f)));
    return body;
  }

  @Delete("/fields/{key}")
  public HttpResponse<Void> deleteField(String workspaceId, String key) {
    fields.delete(workspaceId, key);
    return HttpResponse.noContent();
  }

  /** The effective mapping, with {@code attributesSeen}: the extension attributes this IdP sent lately. */
  @Get("/connections/{connectionId}/mapping")
  public JsonNode mapping(String workspaceId, String connectionId) {
    ObjectNode body = AdminJson.mapping(mappings.get(workspaceId, connectionId));
    ArrayNode seen = body.putArray("attributesSeen");
    activity.extensionAttributesSeen(workspaceId, connectionId).forEach(seen::add);
    return body;
  }

  /**
   * Replaces the connection's overrides and target groups: {@code {"attributes": {field: path or
   * [paths tried in order]}, "targetGroup": {"default", "groupBy", "tagPrefix"}}}. Fields left out
   * take their default. Answers the effective mapping; existing users are re-applied in the
   * background ({@code reapplying} until done).
   */
  @Put("/connections/{connectionId}/mapping")
  public JsonNode putMapping(String workspaceId, String connectionId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    SortedMap<String, List<String>> overrides = new TreeMap<>();
    JsonNode attributes = json.path("attributes");
    if (!attributes.isMissingNode() && !attributes.isNull()) {
      if (!attributes.isObject()) {
        throw new InvalidInputException("attributes", "attributes must be an object of field to SCIM path(s)");
      }
      for (Map.Entry<String, JsonNode> entry : attributes.properties()) {
        overrides.put(entry.getKey(), paths(entry.getKey(), entry.getValue()));
      }
    }
    TargetGroups groups = TargetGroups.NONE;
    if (body.has("targetGroup") && !json.get("targetGroup").isNull()) {
      RequestBody target = nested(json.get("targetGroup"));
      groups = new TargetGroups(target.string("default").orElse(null), target.string("groupBy").orElse(null),
          target.string("tagPrefix").orElse(null));
    }
    return AdminJson.mapping(mappings.put(workspaceId, connectionId, overrides, groups));
  }

  private static RequestBody nested(JsonNode value) {
    if (!value.isObject()) {
      throw new InvalidInputException("targetGroup", "targetGroup must be an object");
    }
    return new RequestBody(value);
  }

  private static List<String> paths(String field, JsonNode value) {
    List<String> paths = new ArrayList<>();
    if (value.isTextual()) {
      paths.add(value.textValue());
    } else if (value.isArray()) {
      for (JsonNode path : value) {
        if (!path.isTextual()) {
          throw notPaths(field);
        }
        paths.add(path.textValue());
      }
    } else {
      throw notPaths(field);
    }
    return paths;
  }

  private static InvalidInputException notPaths(String field) {
    return new InvalidInputException("attributes." + field, "attributes." + field
        + " must be a SCIM attribute path or an array of them");
  }
}
