package dev.scimlambda.httpapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The payload-2.0 event API Gateway's HTTP API sends a function for one HTTP request: headers
 * lower-cased, query parameters decoded with repeats joined by commas, text bodies as text and other
 * bodies base64-encoded, and the request context the handlers read.
 */
public final class HttpApiEvents {

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private HttpApiEvents() {}

  /**
   * @param routePrefix the route's path prefix, e.g. {@code /scim/v2/}; the rest of the path becomes
   *     the {@code proxy} path parameter
   * @param headers header name to values, in any case
   * @param body empty for none
   */
  public static APIGatewayV2HTTPEvent request(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      String routePrefix,
      String sourceIp) {
    Map<String, String> lowerCased = new LinkedHashMap<>();
    headers.forEach((name, values) -> lowerCased.merge(name.toLowerCase(Locale.ROOT), String.join(",", values), (a, b) -> a + "," + b));
    boolean text = isText(lowerCased.get("content-type"));
    String routeKey = "ANY " + routePrefix + "{proxy+}";
    String proxy = rawPath.startsWith(routePrefix) ? rawPath.substring(routePrefix.length()) : rawPath;
    Instant now = Instant.now();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(rawPath)
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withHeaders(lowerCased)
        .withCookies(cookies(lowerCased.get("cookie")))
        .withQueryStringParameters(queryParameters(rawQuery))
        .withPathParameters(Map.of("proxy", proxy))
        .withBody(body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(body.length > 0 && !text)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(routeKey)
                .withStage("$default")
                .withDomainName("localhost")
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(rawPath)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp(sourceIp)
                        .withUserAgent(lowerCased.get("user-agent"))
                        .build())
                .build())
        .build();
  }

  /** API Gateway passes JSON, XML, form and text bodies as text and everything else base64-encoded. */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.contains("json") || type.contains("xml")
        || type.startsWith("application/x-www-form-urlencoded");
  }

  private static List<String> cookies(String header) {
    return header == null ? null : List.of(header.split(";\\s*"));
  }

  private static Map<String, String> queryParameters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.merge(name, value, (a, b) -> a + "," + b);
    }
    return parameters;
  }
}
