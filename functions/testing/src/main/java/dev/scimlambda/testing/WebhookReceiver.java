package dev.scimlambda.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook consumer on 127.0.0.1, written as a customer would write one from docs/events.md: it checks
 * the Standard Webhooks signature with its own HMAC code and answers 401 when the signature is wrong or older
 * than five minutes. It answers the scripted statuses in turn, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TOLERANCE_SECONDS = 300;

  /** One request as received, and whether its signature held. */
  public record Delivery(Map<String, String> headers, String body, boolean signatureValid, int answeredWith) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String type() {
      return json().get("type").asText();
    }
  }

  private final HttpServer server;
  private final List<Delivery> deliveries = new ArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private volatile String secret;

  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/hook", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public void useSecret(String signingSecret) {
    this.secret = signingSecret;
  }

  public synchronized void answer(Integer... scripted) {
    statuses.addAll(Arrays.asList(scripted));
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue().get(0)));
    boolean valid = verifies(headers, body);
    int status;
    synchronized (this) {
      status = !valid ? 401 : statuses.isEmpty() ? 200 : statuses.poll();
      deliveries.add(new Delivery(headers, body, valid, status));
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /**
   * Standard Webhooks, as docs/events.md documents it: HMAC-SHA256 keyed with the base64 bytes after
   * {@code whsec_}, over {@code "<webhook-id>.<webhook-timestamp>.<body>"}; any one of the
   * space-separated {@code v1,<base64>} signatures may match.
   */
  private boolean verifies(Map<String, String> headers, String body) {
    String id = headers.get("webhook-id");
    String timestampHeader = headers.get("webhook-timestamp");
    String signatures = headers.get("webhook-signature");
    if (id == null || timestampHeader == null || signatures == null || secret == null) {
      return false;
    }
    try {
      long timestamp = Long.parseLong(timestampHeader);
      if (Math.abs(Instant.now().getEpochSecond() - timestamp) > TOLERANCE_SECONDS) {
        return false;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      for (String signature : signatures.split(" ")) {
        if (signature.startsWith("v1,")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
          return true;
        }
      }
      return false;
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
