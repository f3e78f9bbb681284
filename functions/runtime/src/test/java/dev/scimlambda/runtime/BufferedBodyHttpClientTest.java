package dev.scimlambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class BufferedBodyHttpClientTest {

  /** What the server saw of one request. */
  private record Received(String method, String contentLength, String body, int clientPort) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Length"),
          new String(body, StandardCharsets.UTF_8), exchange.getRemoteAddress().getPort()));
      byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void aPostArrivesWithItsBodyAndItsContentLength() throws IOException {
    try (SdkHttpClient client = new BufferedBodyHttpClient(UrlConnectionHttpClient.create())) {
      send(client, "{\"TableName\":\"scim\"}");
    }

    assertThat(received).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.body()).isEqualTo("{\"TableName\":\"scim\"}");
      assertThat(request.contentLength()).isEqualTo("20");
    });
  }

  @Test
  void consecutivePostsShareOnePooledConnection() throws IOException {
    try (SdkHttpClient client = new BufferedBodyHttpClient(UrlConnectionHttpClient.create())) {
      for (int i = 0; i < 3; i++) {
        send(client, "{\"n\":" + i + "}");
      }
    }

    assertThat(received).extracting(Received::body).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
    assertThat(received).extracting(Received::clientPort).containsOnly(received.get(0).clientPort());
  }

  @Test
  void aSmallBodyIsHandedOnWithoutItsLengthSoTheJdkBuffersIt() {
    AtomicReference<HttpExecuteRequest> handedOn = new AtomicReference<>();
    new BufferedBodyHttpClient(recording(handedOn)).prepareRequest(post("{\"TableName\":\"scim\"}"));

    assertThat(handedOn.get().httpRequest().firstMatchingHeader("Content-Length")).isEmpty();
    assertThat(handedOn.get().contentStreamProvider()).isPresent();
  }

  @Test
  void aBodyOverTheBoundKeepsItsLengthAndIsStreamed() {
    AtomicReference<HttpExecuteRequest> handedOn = new AtomicReference<>();
    String large = "x".repeat((int) BufferedBodyHttpClient.MAX_BUFFERED_BODY_BYTES + 1);
    new BufferedBodyHttpClient(recording(handedOn)).prepareRequest(post(large));

    assertThat(handedOn.get().httpRequest().firstMatchingHeader("Content-Length"))
        .contains(String.valueOf(large.length()));
  }

  @Test
  void aRequestWithoutABodyIsHandedOnUnchanged() {
    AtomicReference<HttpExecuteRequest> handedOn = new AtomicReference<>();
    HttpExecuteRequest get = HttpExecuteRequest.builder().request(SdkHttpRequest.builder()
        .method(SdkHttpMethod.GET).uri(URI.create("http://127.0.0.1/")).build()).build();
    new BufferedBodyHttpClient(recording(handedOn)).prepareRequest(get);

    assertThat(handedOn.get()).isSameAs(get);
  }

  private void send(SdkHttpClient client, String body) throws IOException {
    HttpExecuteResponse response = client.prepareRequest(post(body)).call();
    assertThat(response.httpResponse().statusCode()).isEqualTo(200);
    response.responseBody().orElseThrow().readAllBytes();
    response.responseBody().orElseThrow().close();
  }

  private HttpExecuteRequest post(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    URI uri = server == null ? URI.create("http://127.0.0.1/")
        : URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return HttpExecuteRequest.builder()
        .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
            .putHeader("Content-Length", String.valueOf(bytes.length))
            .putHeader("Content-Type", "application/x-amz-json-1.0").build())
        .contentStreamProvider(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  private static SdkHttpClient recording(AtomicReference<HttpExecuteRequest> handedOn) {
    return new SdkHttpClient() {
      @Override
      public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        handedOn.set(request);
        return null;
      }

      @Override
      public void close() {}
    };
  }
}
