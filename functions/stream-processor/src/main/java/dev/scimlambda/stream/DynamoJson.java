package dev.scimlambda.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Images in DynamoDB JSON ({@code {"S": "..."}}, {@code {"N": "1"}}, ...), the format the stream,
 * the console and the CLI show items in, so a parked record reads like the item it was and decodes
 * back to the same SDK attribute values.
 */
final class DynamoJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DynamoJson() {}

  static ObjectNode write(Map<String, AttributeValue> image) {
    ObjectNode node = NODES.objectNode();
    image.forEach((name, value) -> node.set(name, write(value)));
    return node;
  }

  static Map<String, AttributeValue> read(JsonNode image) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    if (image != null && !image.isNull()) {
      image.fields().forEachRemaining(field -> values.put(field.getKey(), read(field.getKey(), field.getValue())));
    }
    return values;
  }

  private static ObjectNode write(AttributeValue value) {
    ObjectNode node = NODES.objectNode();
    switch (value.type()) {
      case S -> node.put("S", value.s());
      case N -> node.put("N", value.n());
      case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
      case BOOL -> node.put("BOOL", value.bool());
      case NUL -> node.put("NULL", true);
      case SS -> strings(node.putArray("SS"), value.ss());
      case NS -> strings(node.putArray("NS"), value.ns());
      case BS -> value.bs().forEach(b -> node.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
      case L -> value.l().forEach(v -> node.withArray("L").add(write(v)));
      case M -> node.set("M", write(value.m()));
      default -> throw new IllegalArgumentException("attribute type not supported: " + value.type());
    }
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static AttributeValue read(String name, JsonNode node) {
    if (node == null || !node.isObject() || node.size() != 1) {
      throw new IllegalArgumentException("not a DynamoDB JSON attribute value: " + name);
    }
    var entry = node.fields().next();
    JsonNode v = entry.getValue();
    return switch (entry.getKey()) {
      case "S" -> AttributeValue.fromS(v.asText());
      case "N" -> AttributeValue.fromN(v.asText());
      case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
      case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
      case "NULL" -> AttributeValue.fromNul(true);
      case "SS" -> AttributeValue.fromSs(texts(v));
      case "NS" -> AttributeValue.fromNs(texts(v));
      case "BS" -> AttributeValue.fromBs(texts(v).stream()
          .map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
      case "L" -> {
        List<AttributeValue> list = new ArrayList<>();
        v.forEach(element -> list.add(read(name, element)));
        yield AttributeValue.fromL(list);
      }
      case "M" -> AttributeValue.fromM(read(v));
      default -> throw new IllegalArgumentException("unknown DynamoDB JSON type " + entry.getKey() + " of " + name);
    };
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}
