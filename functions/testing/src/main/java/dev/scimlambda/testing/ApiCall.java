package dev.scimlambda.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds an API Gateway HTTP API (payload 2.0) event and invokes a handler with it, as Lambda would. */
public final class ApiCall {

  private final String method;
  private final String path;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String rawQuery = "";
  private String body;

  private ApiCall(String method, String path) {
    this.method = method;
    this.path = path;
  }

  /** {@code pathAndQuery} may carry a query string, as in {@code /Users?filter=...}. */
  public static ApiCall of(String method, String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    if (q < 0) {
      return new ApiCall(method, pathAndQuery);
    }
    return new ApiCall(method, pathAndQuery.substring(0, q)).query(pathAndQuery.substring(q + 1));
  }

  public ApiCall header(String name, String value) {
    headers.put(name.toLowerCase(Locale.ROOT), value);
    return this;
  }

  public ApiCall bearer(String token) {
    return header("authorization", "Bearer " + token);
  }

  public ApiCall query(String rawQuery) {
    this.rawQuery = rawQuery;
    return this;
  }

  /** A body with its content type. */
  public ApiCall body(String contentType, String body) {
    this.body = body;
    return header("content-type", contentType);
  }

  public ApiCall json(String body) {
    return body("application/json", body);
  }

  /** As API Gateway does: decoded, and repeated names joined by commas. */
  private Map<String, String> queryParameters() {
    if (rawQuery.isEmpty()) {
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

  public ApiResult invoke(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey("$default")
            .withRawPath(path)
            .withRawQueryString(rawQuery)
            .withQueryStringParameters(queryParameters())
            .withHeaders(headers)
            .withBody(body)
            .withIsBase64Encoded(false)
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRequestId(UUID.randomUUID().toString())
                    .withStage("$default")
                    .withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod(method)
                            .withPath(path)
                            .withProtocol("HTTP/1.1")
                            .withSourceIp("127.0.0.1")
                            .build())
                    .build())
            .build();
    return new ApiResult(handler.handleRequest(event, new TestLambdaContext()));
  }
}
