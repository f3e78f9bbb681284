package dev.scimlambda.stream;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item change from the table's stream, decoded into the SDK's attribute model so projections
 * read images with the same code the stores write them with.
 *
 * @param oldImage empty for an INSERT
 * @param newImage empty for a REMOVE
 * @param recordedAt when DynamoDB recorded the change (the record's ApproximateCreationDateTime);
 *     the same on every redelivery
 */
public record ChangeRecord(
    String eventName,
    String sequenceNumber,
    Map<String, AttributeValue> oldImage,
    Map<String, AttributeValue> newImage,
    Instant recordedAt) {

  /** The entity name the stores put on every item, from whichever image exists. */
  public String entity() {
    Map<String, AttributeValue> image = newImage.isEmpty() ? oldImage : newImage;
    AttributeValue entity = image.get("entity");
    return entity == null ? "" : entity.s();
  }
}
