package dev.scimlambda.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An UpdateItem built attribute by attribute, for items two writers share: each sets only its own
 * attributes. A null value removes the attribute (DynamoDB stores no empty sets or nulls we want).
 * Every name goes through a placeholder, since DynamoDB reserves common words.
 */
final class UpdateBuilder {

  private final Map<String, AttributeValue> key;
  private final List<String> set = new ArrayList<>();
  private final List<String> remove = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();
  private String condition;

  UpdateBuilder(Map<String, AttributeValue> key) {
    this.key = key;
  }

  UpdateBuilder set(String attribute, AttributeValue value) {
    names.put("#" + attribute, attribute);
    if (value == null) {
      remove.add("#" + attribute);
    } else {
      values.put(":" + attribute, value);
      set.add("#" + attribute + " = :" + attribute);
    }
    return this;
  }

  /** Sets the attribute only where the item does not have it yet. */
  UpdateBuilder setIfAbsent(String attribute, AttributeValue value) {
    names.put("#" + attribute, attribute);
    values.put(":" + attribute, value);
    set.add("#" + attribute + " = if_not_exists(#" + attribute + ", :" + attribute + ")");
    return this;
  }

  /** The condition may use {@code #attribute} of any attribute set here, plus its own names and values. */
  UpdateBuilder condition(String expression, Map<String, String> moreNames, Map<String, AttributeValue> moreValues) {
    condition = expression;
    names.putAll(moreNames);
    values.putAll(moreValues);
    return this;
  }

  Transactions.UpdateSpec build() {
    String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    return new Transactions.UpdateSpec(key, expression, condition, names, values);
  }
}
