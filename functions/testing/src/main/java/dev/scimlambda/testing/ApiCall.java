package dev.scimlambda.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import dev.scimlambda.httpapi.HttpApiEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  public ApiResult invoke(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    Map<String, List<String>> headerLists = new LinkedHashMap<>();
    headers.forEach((name, value) -> headerLists.put(name, List.of(value)));
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    String prefix = path.startsWith("/scim/v2/") ? "/scim/v2/" : path.startsWith("/admin/console") ? "/admin/console" : "/admin/v1/";
    APIGatewayV2HTTPEvent event = HttpApiEvents.request(method, path, rawQuery, headerLists, bytes, prefix, "127.0.0.1");
    return new ApiResult(handler.handleRequest(event, new TestLambdaContext()));
  }
}
