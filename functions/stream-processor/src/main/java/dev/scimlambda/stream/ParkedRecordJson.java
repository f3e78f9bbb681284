package dev.scimlambda.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A parked record as one JSON document, images in DynamoDB JSON. A document too large for its
 * store's limit is gzipped and base64-encoded behind a {@value #GZIP_PREFIX} prefix; when even that
 * does not fit, the images keep only their small attributes ({@link ParkedRecord#imagesTrimmed}).
 */
public final class ParkedRecordJson {

  static final String GZIP_PREFIX = "gzip+base64:";
  /** Attributes larger than this (a user's SCIM document, say) go when the images must be trimmed. */
  static final int TRIMMED_ATTRIBUTE_LIMIT = 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ParkedRecordJson() {}

  public static String write(ParkedRecord record) {
    ObjectNode node = JSON.createObjectNode();
    node.put("eventName", record.eventName());
    node.put("sequenceNumber", record.sequenceNumber());
    node.put("recordedAt", record.recordedAt().toString());
    node.put("parkedAt", record.parkedAt().toString());
    node.put("projection", record.projection());
    node.put("failure", record.failure());
    node.put("imagesTrimmed", record.imagesTrimmed());
    node.set("keys", DynamoJson.write(record.keys()));
    node.set("oldImage", DynamoJson.write(record.oldImage()));
    node.set("newImage", DynamoJson.write(record.newImage()));
    return node.toString();
  }

  /** Reads a document {@link #write} or {@link #fitting} made, compressed or not. */
  public static ParkedRecord read(String body) {
    String json = body.startsWith(GZIP_PREFIX) ? gunzip(body.substring(GZIP_PREFIX.length())) : body;
    try {
      JsonNode node = JSON.readTree(json);
      return new ParkedRecord(
          node.path("eventName").asText(),
          node.path("sequenceNumber").asText(),
          DynamoJson.read(node.get("keys")),
          DynamoJson.read(node.get("oldImage")),
          DynamoJson.read(node.get("newImage")),
          Instant.parse(node.path("recordedAt").asText()),
          Instant.parse(node.path("parkedAt").asText()),
          node.path("projection").asText(),
          node.path("failure").asText(),
          node.path("imagesTrimmed").asBoolean(false));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a parked stream record", e);
    }
  }

  /** The record as plain JSON, else compressed, else trimmed (and compressed if need be), within {@code maxBytes}. */
  public static String fitting(ParkedRecord record, int maxBytes) {
    String plain = write(record);
    if (bytes(plain) <= maxBytes) {
      return plain;
    }
    String compressed = GZIP_PREFIX + gzip(plain);
    if (bytes(compressed) <= maxBytes) {
      return compressed;
    }
    ParkedRecord trimmed = new ParkedRecord(record.eventName(), record.sequenceNumber(), record.keys(),
        trim(record.oldImage()), trim(record.newImage()), record.recordedAt(), record.parkedAt(),
        record.projection(), record.failure(), true);
    String small = write(trimmed);
    return bytes(small) <= maxBytes ? small : GZIP_PREFIX + gzip(small);
  }

  private static Map<String, AttributeValue> trim(Map<String, AttributeValue> image) {
    Map<String, AttributeValue> kept = new LinkedHashMap<>();
    image.forEach((name, value) -> {
      if (bytes(DynamoJson.write(Map.of(name, value)).toString()) <= TRIMMED_ATTRIBUTE_LIMIT) {
        kept.put(name, value);
      }
    });
    return kept;
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  private static String gunzip(String base64) {
    try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
      return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
