package dev.scimlambda.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing typed attributes of one item; absent and null values are simply left out. */
final class Item {

  private final Map<String, AttributeValue> values;

  private Item(Map<String, AttributeValue> values) {
    this.values = values;
  }

  static Item create() {
    return new Item(new HashMap<>());
  }

  static Item of(Map<String, AttributeValue> values) {
    return new Item(values);
  }

  Map<String, AttributeValue> values() {
    return values;
  }

  Item put(String name, String value) {
    if (value != null) {
      values.put(name, AttributeValue.fromS(value));
    }
    return this;
  }

  Item put(String name, Number value) {
    if (value != null) {
      values.put(name, AttributeValue.fromN(value.toString()));
    }
    return this;
  }

  Item put(String name, boolean value) {
    values.put(name, AttributeValue.fromBool(value));
    return this;
  }

  Item put(String name, Instant value) {
    return put(name, value == null ? null : value.toString());
  }

  Item put(String name, Duration value) {
    return put(name, value == null ? null : value.toString());
  }

  String string(String name) {
    AttributeValue value = values.get(name);
    return value == null ? null : value.s();
  }

  Integer integer(String name) {
    AttributeValue value = values.get(name);
    return value == null ? null : Integer.valueOf(value.n());
  }

  Long optionalNumber(String name) {
    AttributeValue value = values.get(name);
    return value == null ? null : Long.valueOf(value.n());
  }

  long number(String name) {
    return Long.parseLong(values.get(name).n());
  }

  boolean bool(String name) {
    AttributeValue value = values.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  Instant instant(String name) {
    String value = string(name);
    return value == null ? null : Instant.parse(value);
  }

  Duration duration(String name) {
    String value = string(name);
    return value == null ? null : Duration.parse(value);
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
