package dev.scimlambda.stream;

import dev.scimlambda.persistence.ItemChanges;
import dev.scimlambda.persistence.ItemChanges.ItemChange;
import dev.scimlambda.persistence.ItemChanges.ItemOwner;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item change from the table's stream. Projections read {@link #change()}, typed by
 * persistence; the raw images are kept only to park the record whole and to redrive it.
 */
public final class ChangeRecord {

  private final String eventName;
  private final String sequenceNumber;
  private final Map<String, AttributeValue> oldImage;
  private final Map<String, AttributeValue> newImage;
  private final Instant recordedAt;
  /** Decoded once, on first use: every projection of the record reads the same change. */
  private volatile ItemChange change;

  /**
   * @param oldImage empty for an INSERT
   * @param newImage empty for a REMOVE
   * @param recordedAt when DynamoDB recorded the change (the record's ApproximateCreationDateTime);
   *     the same on every redelivery
   */
  public ChangeRecord(String eventName, String sequenceNumber, Map<String, AttributeValue> oldImage,
      Map<String, AttributeValue> newImage, Instant recordedAt) {
    this.eventName = eventName;
    this.sequenceNumber = sequenceNumber;
    this.oldImage = oldImage;
    this.newImage = newImage;
    this.recordedAt = recordedAt;
  }

  public String eventName() {
    return eventName;
  }

  public String sequenceNumber() {
    return sequenceNumber;
  }

  public Map<String, AttributeValue> oldImage() {
    return oldImage;
  }

  public Map<String, AttributeValue> newImage() {
    return newImage;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  /**
   * What changed, typed by persistence from the images. Throws when an image cannot be decoded,
   * failing (and so parking) the record for the projection that asked; nothing is cached then.
   */
  public ItemChange change() {
    ItemChange decoded = change;
    if (decoded == null) {
      decoded = ItemChanges.of(oldImage, newImage);
      change = decoded;
    }
    return decoded;
  }

  /** The entity name the stores put on every item, from whichever image exists. */
  public String entity() {
    return owner().entity();
  }

  /** The workspace the item belongs to, where the item says (log lines of a failed record). */
  public Optional<String> workspaceId() {
    return Optional.of(owner().workspaceId()).filter(id -> !id.isEmpty());
  }

  /** The connection the item belongs to, where the item says. */
  public Optional<String> connectionId() {
    return Optional.of(owner().connectionId()).filter(id -> !id.isEmpty());
  }

  /** The item's primary key, to read it again when a parked record kept too little of it. */
  public Map<String, AttributeValue> key() {
    return ItemChanges.keyOf(newImage.isEmpty() ? oldImage : newImage);
  }

  private ItemOwner owner() {
    return ItemChanges.ownerOf(oldImage, newImage);
  }
}
