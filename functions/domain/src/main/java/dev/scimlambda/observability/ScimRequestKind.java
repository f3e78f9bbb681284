package dev.scimlambda.observability;

import dev.scimlambda.activity.ScimOperation;
import java.util.Set;

/**
 * A SCIM request reduced to the dimensions of {@link OperationalMetric#SCIM_REQUESTS}. Anything
 * outside the endpoints and operations RFC 7644 defines is {@code Other}/{@code other}, so a client
 * sending odd methods or paths cannot create metrics.
 *
 * @param resource {@code Users}, {@code Groups}, {@code Bulk}, {@code Discovery} or {@code Other}
 * @param operation {@code create}, {@code get}, {@code list}, {@code search}, {@code replace},
 *     {@code patch}, {@code delete}, {@code bulk} or {@code other}
 */
public record ScimRequestKind(String resource, String operation) {

  private static final Set<String> OPERATIONS =
      Set.of("create", "get", "list", "search", "replace", "patch", "delete", "bulk");

  /** {@code path} is the part after the connection's base URL, e.g. {@code /Users/2819c223}. */
  public static ScimRequestKind of(String method, String path) {
    ScimOperation operation = ScimOperation.of(method, path);
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    int end = path.indexOf('/', start);
    String endpoint = path.substring(start, end < 0 ? path.length() : end);
    String resource = switch (endpoint) {
      case "Users", "Groups", "Bulk" -> endpoint;
      case "ServiceProviderConfig", "Schemas", "ResourceTypes" -> "Discovery";
      default -> "Other";
    };
    String verb = operation.name().split(" ", 2)[0];
    return new ScimRequestKind(resource, OPERATIONS.contains(verb) ? verb : "other");
  }

  /** {@code 2xx}, {@code 3xx}, {@code 4xx} or {@code 5xx}. */
  public static String statusClass(int status) {
    int hundreds = Math.max(1, Math.min(5, status / 100));
    return hundreds + "xx";
  }
}
