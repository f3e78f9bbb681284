package dev.scimlambda.stream;

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
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook consumer on 127.0.0.1, written as a customer would write one from the README: it checks
 * {@code Scim-Signature} with its own HMAC code and answers 401 when the signature is wrong or older
 * than five minutes. It answers the scripted statuses in turn, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TOLERANCE_SECONDS = 300;

  /** One request as received, and whether its signature held. */
  record Delivery(Map<String, String> headers, String body, boolean signatureValid, int answeredWith) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String type() {
      return json().get("type").asText();
    }
  }

  private final HttpServer server;
  private final List<Delivery> deliveries = new ArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private volatile String secret;

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/hook", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void useSecret(String signingSecret) {
    this.secret = signingSecret;
  }

  synchronized void answer(Integer... scripted) {
    statuses.addAll(Arrays.asList(scripted));
  }

  synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue().get(0)));
    boolean valid = verifies(headers.get("scim-signature"), body);
    int status;
    synchronized (this) {
      status = !valid ? 401 : statuses.isEmpty() ? 200 : statuses.poll();
      deliveries.add(new Delivery(headers, body, valid, status));
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, as the README documents it. */
  private boolean verifies(String header, String body) {
    if (header == null || secret == null) {
      return false;
    }
    Map<String, String> parts = Arrays.stream(header.split(","))
        .map(p -> p.split("=", 2))
        .filter(p -> p.length == 2)
        .collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> a));
    try {
      long timestamp = Long.parseLong(parts.getOrDefault("t", ""));
      if (Math.abs(Instant.now().getEpochSecond() - timestamp) > TOLERANCE_SECONDS) {
        return false;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.getOrDefault("v1", "")));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
