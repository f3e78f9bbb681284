package dev.scimlambda.stream;

import dev.scimlambda.persistence.ItemChanges;
import dev.scimlambda.persistence.ItemChanges.ItemChange;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

  /** What changed, typed by persistence from the images (decoded on every call). */
  public ItemChange change() {
    return ItemChanges.of(oldImage, newImage);
  }

  /** The entity name the stores put on every item, from whichever image exists. */
  public String entity() {
    return text("entity").orElse("");
  }

  /** The workspace the item belongs to, where the item says (log lines of a failed record). */
  public Optional<String> workspaceId() {
    return text("workspaceId").or(() -> text("pk").filter(pk -> pk.startsWith("WS#"))
        .map(pk -> pk.substring(3, pk.indexOf('#', 3) < 0 ? pk.length() : pk.indexOf('#', 3))));
  }

  /** The connection the item belongs to, where the item says. */
  public Optional<String> connectionId() {
    return text("connectionId");
  }

  private Optional<String> text(String attribute) {
    Map<String, AttributeValue> image = newImage.isEmpty() ? oldImage : newImage;
    AttributeValue value = image == null ? null : image.get(attribute);
    return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
  }
}
