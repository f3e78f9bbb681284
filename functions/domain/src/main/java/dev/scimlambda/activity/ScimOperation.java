package dev.scimlambda.activity;

import java.util.Locale;
import java.util.Map;

/**
 * What a SCIM request did, named from its method and path the way an admin reads it: {@code create
 * User}, {@code patch Group}, {@code list Users}. Only the endpoint and a resource id are taken from
 * the path; the query string (filters quote personal values) never is.
 *
 * @param resourceType {@code User} or {@code Group}, null for other endpoints
 * @param resourceId the id in the path, null for collections
 */
public record ScimOperation(String name, String resourceType, String resourceId, boolean read) {

  private static final Map<String, String> RESOURCE_TYPES = Map.of("Users", "User", "Groups", "Group");
  private static final int MAX_ID = 64;

  /** {@code path} is the part after the connection's base URL, e.g. {@code /Users/2819c223}. */
  public static ScimOperation of(String method, String path) {
    String verb = method.toUpperCase(Locale.ROOT);
    String[] segments = withoutOuterSlashes(path).split("/+", 3);
    String endpoint = segments[0];
    String rest = segments.length > 1 ? segments[1] : null;
    boolean get = verb.equals("GET");
    String type = RESOURCE_TYPES.get(endpoint);
    if (type != null) {
      if (rest == null) {
        return switch (verb) {
          case "GET" -> new ScimOperation("list " + endpoint, type, null, true);
          case "POST" -> new ScimOperation("create " + type, type, null, false);
          default -> other(verb, endpoint, type);
        };
      }
      if (rest.equals(".search") && verb.equals("POST")) {
        return new ScimOperation("search " + endpoint, type, null, true);
      }
      String id = rest.length() <= MAX_ID ? rest : rest.substring(0, MAX_ID);
      return switch (verb) {
        case "GET" -> new ScimOperation("get " + type, type, id, true);
        case "PUT" -> new ScimOperation("replace " + type, type, id, false);
        case "PATCH" -> new ScimOperation("patch " + type, type, id, false);
        case "DELETE" -> new ScimOperation("delete " + type, type, id, false);
        default -> other(verb, endpoint, type);
      };
    }
    return switch (endpoint) {
      case "Bulk" -> new ScimOperation("bulk", null, null, false);
      case "ServiceProviderConfig", "ResourceTypes", "Schemas" -> get
          ? new ScimOperation("get " + endpoint, null, null, true) : other(verb, endpoint, null);
      default -> other(verb, endpoint.isEmpty() ? "/" : "unknown endpoint", null);
    };
  }

  /** Not {@code replaceAll("^/+|/+$", "")}: its {@code /+$} retries from every slash of a long inner run. */
  private static String withoutOuterSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }

  private static ScimOperation other(String verb, String endpoint, String type) {
    return new ScimOperation(verb + " " + endpoint, type, null, verb.equals("GET"));
  }
}
