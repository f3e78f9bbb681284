package dev.scimlambda.persistence;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An app user's profile fields as a DynamoDB map: strings as S, numbers as N, booleans as BOOL. */
final class ProfileValues {

  private ProfileValues() {}

  /** Null for no fields, so the attribute is removed rather than stored empty. */
  static AttributeValue toMap(Map<String, Object> fields) {
    if (fields.isEmpty()) {
      return null;
    }
    Map<String, AttributeValue> values = new HashMap<>();
    fields.forEach((key, value) -> values.put(key, value instanceof BigDecimal number
        ? AttributeValue.fromN(number.toPlainString())
        : value instanceof Boolean bool ? AttributeValue.fromBool(bool) : AttributeValue.fromS(value.toString())));
    return AttributeValue.fromM(values);
  }

  static SortedMap<String, Object> fromMap(AttributeValue map) {
    SortedMap<String, Object> fields = new TreeMap<>();
    if (map != null && map.hasM()) {
      map.m().forEach((key, value) -> fields.put(key, value.n() != null ? new BigDecimal(value.n()).stripTrailingZeros()
          : value.bool() != null ? value.bool() : value.s()));
    }
    return fields;
  }
}
