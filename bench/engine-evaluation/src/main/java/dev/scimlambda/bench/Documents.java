package dev.scimlambda.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The inputs of the cold-start workload: what a SCIM Lambda sees on its first request. Plain strings,
 * so that loading this class loads nothing of any engine.
 */
public final class Documents {

  public static final String USER_ID = "2819c223-7f76-453a-919d-413861904646";

  /** The filter of the cold-start workload, parsed once per child JVM. */
  public static final String FILTER =
      "emails[type eq \"work\" and value co \"@example.com\"] or userName eq \"bjensen\"";

  /** The attribute path of the cold-start workload, parsed once per child JVM. */
  public static final String PATH = "emails[type eq \"work\"].value";

  /** RFC 7643 §8.2-style User, as our store would hand it to the engine. */
  public static final String USER = """
      {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        "id": "2819c223-7f76-453a-919d-413861904646",
        "externalId": "701984",
        "userName": "bjensen@example.com",
        "name": {"formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen", "givenName": "Barbara"},
        "displayName": "Babs Jensen",
        "title": "Tour Guide",
        "userType": "Employee",
        "active": true,
        "emails": [
          {"value": "bjensen@example.com", "type": "work", "primary": true},
          {"value": "babs@jensen.org", "type": "home"}
        ],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "701984", "department": "Tour Operations"},
        "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z", "lastModified": "2011-05-13T04:42:34Z",
                 "location": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"}
      }
      """;

  /**
   * Three operations: replace with a path into a complex attribute, add without a path of a nested
   * object (merged into {@code name}), remove by a value filter.
   */
  public static final String PATCH = """
      {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [
          {"op": "replace", "path": "name.givenName", "value": "Barbara-Ann"},
          {"op": "add", "value": {"nickName": "Babs", "name": {"middleName": "Jane"}}},
          {"op": "remove", "path": "emails[type eq \\"work\\"]"}
        ]
      }
      """;

  private Documents() {}

  /** Null when {@code patched} is {@link #USER} with {@link #PATCH} applied, else what is wrong. */
  public static String checkPatched(JsonNode patched) {
    StringBuilder wrong = new StringBuilder();
    expect(wrong, patched, "/name/givenName", "Barbara-Ann");
    expect(wrong, patched, "/name/familyName", "Jensen");
    expect(wrong, patched, "/name/middleName", "Jane");
    expect(wrong, patched, "/nickName", "Babs");
    expect(wrong, patched, "/emails/0/type", "home");
    if (patched.path("emails").size() != 1) {
      wrong.append(" emails=").append(patched.path("emails"));
    }
    return wrong.length() == 0 ? null : wrong.toString().trim();
  }

  private static void expect(StringBuilder wrong, JsonNode node, String pointer, String value) {
    JsonNode actual = node.at(pointer);
    if (!value.equals(actual.asText(null))) {
      wrong.append(' ').append(pointer).append('=').append(actual);
    }
  }
}
