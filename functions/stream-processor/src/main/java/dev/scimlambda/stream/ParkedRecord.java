package dev.scimlambda.stream;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stream record one projection could not apply, kept with everything needed to apply it again
 * after the stream has dropped it (24 hours): the change itself, which projection failed, and how.
 *
 * @param projection the simple class name of the projection that failed; redrive re-applies that one
 * @param failure the exception's class name only: messages may quote customer data
 * @param imagesTrimmed true when the images were too large to keep whole and only their small
 *     attributes (keys, entity, ids) were kept; redrive then reads the item as it is now
 */
public record ParkedRecord(
    String eventName,
    String sequenceNumber,
    Map<String, AttributeValue> keys,
    Map<String, AttributeValue> oldImage,
    Map<String, AttributeValue> newImage,
    Instant recordedAt,
    Instant parkedAt,
    String projection,
    String failure,
    boolean imagesTrimmed) {

  public static ParkedRecord of(ChangeRecord change, String projection, String failure, Instant parkedAt) {
    return new ParkedRecord(change.eventName(), change.sequenceNumber(), change.key(), change.oldImage(),
        change.newImage(), change.recordedAt(), parkedAt, projection, failure, false);
  }

  /** The change as the stream delivered it, to hand to the projections again. */
  public ChangeRecord change() {
    return new ChangeRecord(eventName, sequenceNumber, oldImage, newImage, recordedAt);
  }
}
