package dev.scimlambda.directorysync.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A directory's API on 127.0.0.1 (a free port), for the provider tests: each route answers with a
 * function of the request, and every request is kept so a test can say what was asked.
 */
public final class DirectoryStub implements AutoCloseable {

  /** A request as the stub saw it. */
  public record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** The decoded query, e.g. {@code search=lastUpdated gt "…"}. */
    public String query() {
      return uri.getQuery() == null ? "" : uri.getQuery();
    }
  }

  /** An answer: status, headers (name, value, name, value…) and a body. */
  public record Response(int status, List<String> headers, String body) {
    public static Response json(String body, String... headers) {
      return new Response(200, List.of(headers), body);
    }

    public static Response status(int status, String body, String... headers) {
      return new Response(status, List.of(headers), body);
    }
  }

  private record Route(String method, String path, Function<Request, Response> answer) {}

  private final HttpServer server;
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public DirectoryStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers requests whose path is exactly {@code path}; a later route for the same path wins. */
  public DirectoryStub on(String method, String path, Function<Request, Response> answer) {
    routes.add(0, new Route(method, path, answer));
    return this;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.uri().getPath().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
          Map.copyOf(exchange.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      requests.add(request);
      Response response = routes.stream()
          .filter(r -> r.method().equals(request.method()) && r.path().equals(request.uri().getPath()))
          .findFirst()
          .map(r -> r.answer().apply(request))
          .orElse(Response.status(404, "{\"errorSummary\":\"Not found: Resource not found\",\"errorCode\":\"E0000007\"}"));
      for (int i = 0; i + 1 < response.headers().size(); i += 2) {
        exchange.getResponseHeaders().add(response.headers().get(i), response.headers().get(i + 1));
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
