package dev.scimlambda.endtoend;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook consumer on 127.0.0.1 that can hang: while held, it accepts each connection and reads
 * the request but does not answer; once released it answers 200 to every delivery whose Standard
 * Webhooks signature it verifies itself (HMAC-SHA256 over {@code id.timestamp.body}), 401 otherwise.
 */
final class HoldingWebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One answered request: the webhook-id header, the id in the body, and whether the signature held. */
  record Delivery(String webhookId, String eventId, boolean signatureValid) {}

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final List<Delivery> answered = new ArrayList<>();
  private final AtomicInteger received = new AtomicInteger();
  private volatile CountDownLatch release = new CountDownLatch(0);
  private volatile String secret;

  HoldingWebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(handlers);
    server.createContext("/hook", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void useSecret(String signingSecret) {
    secret = signingSecret;
  }

  /** From now on requests are read and then held without an answer. */
  void hold() {
    release = new CountDownLatch(1);
  }

  /** Answers the held requests and every later one. */
  void recover() {
    release.countDown();
  }

  /** Requests read so far, answered or not. */
  int received() {
    return received.get();
  }

  synchronized List<Delivery> answered() {
    return List.copyOf(answered);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.incrementAndGet();
    try {
      if (!release.await(10, TimeUnit.MINUTES)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
    boolean valid = verifies(webhookId, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
        exchange.getRequestHeaders().getFirst("webhook-signature"), body);
    synchronized (this) {
      answered.add(new Delivery(webhookId, JSON.readTree(body).path("id").asText(), valid));
    }
    try {
      exchange.sendResponseHeaders(valid ? 200 : 401, -1);
    } catch (IOException e) {
      // The sender gave up waiting (its timeout) and closed the connection; it will try again.
    }
    exchange.close();
  }

  private boolean verifies(String id, String timestamp, String signatures, String body) {
    if (id == null || timestamp == null || signatures == null || secret == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      for (String signature : signatures.split(" ")) {
        if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
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
    release.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }
}
