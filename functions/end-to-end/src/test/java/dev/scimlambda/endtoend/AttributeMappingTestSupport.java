package dev.scimlambda.endtoend;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.testing.ApiResult;

/** Admin calls on custom fields and connection mappings, shared by the mapping specifications. */
final class AttributeMappingTestSupport {

  private AttributeMappingTestSupport() {}

  static ApiResult createField(DirectoryHarness directory, String ws, String key, String label, String type) {
    return directory.admin("POST", "/admin/v1/workspaces/" + ws + "/fields",
        ScimJson.MAPPER.createObjectNode().put("key", key).put("label", label).put("type", type).toString());
  }

  static ApiResult putMapping(DirectoryHarness directory, String ws, IssuedConnection connection, String json) {
    return directory.admin("PUT", mappingPath(ws, connection), json);
  }

  static String mappingPath(String ws, IssuedConnection connection) {
    return "/admin/v1/workspaces/" + ws + "/connections/" + connection.connection().id() + "/mapping";
  }
}
