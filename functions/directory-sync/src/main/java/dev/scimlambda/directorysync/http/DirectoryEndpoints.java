package dev.scimlambda.directorysync.http;

import dev.scimlambda.problem.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * Where the providers' APIs are: the public endpoints by default, a local stub server in tests and
 * in the embedded stack. Okta has no fixed endpoint (each org has its own URL, given by the admin),
 * so that URL is checked here: https only, because an admin-supplied URL we call with a credential
 * is a server-side request forgery risk; plain http only to a loopback address, and only where
 * {@code SCIM_SYNC_ALLOW_LOOPBACK_HTTP=true} (tests, the embedded stack).
 *
 * @param graphLogin {@code SCIM_SYNC_GRAPH_LOGIN_URL}, the Microsoft identity platform
 * @param graphApi {@code SCIM_SYNC_GRAPH_API_URL}, Graph v1.0
 * @param googleToken {@code SCIM_SYNC_GOOGLE_TOKEN_URL}, Google's OAuth 2.0 token endpoint
 * @param googleApi {@code SCIM_SYNC_GOOGLE_API_URL}, the Admin SDK Directory API
 */
public record DirectoryEndpoints(URI graphLogin, URI graphApi, URI googleToken, URI googleApi, boolean allowLoopbackHttp) {

  public static final DirectoryEndpoints PUBLIC = new DirectoryEndpoints(
      URI.create("https://login.microsoftonline.com"),
      URI.create("https://graph.microsoft.com/v1.0"),
      URI.create("https://oauth2.googleapis.com/token"),
      URI.create("https://admin.googleapis.com/admin/directory/v1"),
      false);

  public static DirectoryEndpoints fromEnvironment(Map<String, String> env) {
    return new DirectoryEndpoints(
        uri(env, "SCIM_SYNC_GRAPH_LOGIN_URL", PUBLIC.graphLogin),
        uri(env, "SCIM_SYNC_GRAPH_API_URL", PUBLIC.graphApi),
        uri(env, "SCIM_SYNC_GOOGLE_TOKEN_URL", PUBLIC.googleToken),
        uri(env, "SCIM_SYNC_GOOGLE_API_URL", PUBLIC.googleApi),
        "true".equals(env.get("SCIM_SYNC_ALLOW_LOOPBACK_HTTP")));
  }

  /** The admin's Okta org URL as we may call it: {@code https://<host>[:port]}, no path, query or user info. */
  public URI oktaOrg(String orgUrl) {
    URI uri;
    try {
      uri = new URI(orgUrl.trim());
    } catch (URISyntaxException e) {
      throw new InvalidInputException("orgUrl", "orgUrl is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
      throw new InvalidInputException("orgUrl", "orgUrl must be the org's address alone, like https://example.okta.com");
    }
    boolean allowed = scheme.equals("https") || scheme.equals("http") && allowLoopbackHttp && loopback(host);
    if (!allowed) {
      throw new InvalidInputException("orgUrl", "orgUrl must use https");
    }
    return URI.create(scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
  }

  private static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: resolving a name here would let DNS decide what "loopback" means.
    if (!host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || c == '[' || c == ']'
        || Character.isLetter(c) && "abcdefABCDEF".indexOf(c) >= 0)) {
      return false;
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static URI uri(Map<String, String> env, String name, URI fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
  }
}
