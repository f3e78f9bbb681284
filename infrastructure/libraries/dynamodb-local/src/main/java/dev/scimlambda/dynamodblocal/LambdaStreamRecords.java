package dev.scimlambda.dynamodblocal;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns records read from a stream with the SDK into the records Lambda hands a function: the same
 * fields, in the Lambda events library's own attribute model.
 */
public final class LambdaStreamRecords {

  private LambdaStreamRecords() {}

  static DynamodbEvent.DynamodbStreamRecord toLambda(Record record, String streamArn, String region) {
    var change = record.dynamodb();
    StreamRecord lambdaChange =
        new StreamRecord()
            .withSequenceNumber(change.sequenceNumber())
            .withSizeBytes(change.sizeBytes())
            .withStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(change.streamViewTypeAsString()))
            .withKeys(image(change.keys()))
            .withNewImage(change.hasNewImage() ? image(change.newImage()) : null)
            .withOldImage(change.hasOldImage() ? image(change.oldImage()) : null);
    if (change.approximateCreationDateTime() != null) {
      lambdaChange.setApproximateCreationDateTime(Date.from(change.approximateCreationDateTime()));
    }
    DynamodbEvent.DynamodbStreamRecord lambdaRecord = new DynamodbEvent.DynamodbStreamRecord();
    lambdaRecord.setEventID(record.eventID());
    lambdaRecord.setEventName(record.eventNameAsString());
    lambdaRecord.setEventVersion(record.eventVersion());
    lambdaRecord.setEventSource("aws:dynamodb");
    lambdaRecord.setAwsRegion(region);
    lambdaRecord.setEventSourceARN(streamArn);
    lambdaRecord.setDynamodb(lambdaChange);
    return lambdaRecord;
  }

  static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
    Map<String, AttributeValue> converted = new LinkedHashMap<>();
    image.forEach((name, value) -> converted.put(name, value(value)));
    return converted;
  }

  private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
    AttributeValue out = new AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case B -> out.setB(ByteBuffer.wrap(v.b().asByteArray()));
      case SS -> out.setSS(v.ss());
      case NS -> out.setNS(v.ns());
      case BS -> out.setBS(v.bs().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList());
      case M -> out.setM(image(v.m()));
      case L -> out.setL(v.l().stream().map(LambdaStreamRecords::value).toList());
      case NUL -> out.setNULL(true);
      case BOOL -> out.setBOOL(v.bool());
      default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
    }
    return out;
  }

  static List<DynamodbEvent.DynamodbStreamRecord> toLambda(List<Record> records, String streamArn, String region) {
    return records.stream().map(r -> toLambda(r, streamArn, region)).toList();
  }

  /** The event Lambda would deliver for these records, in the order given (tests reorder them). */
  public static DynamodbEvent event(List<Record> records, String streamArn) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(toLambda(records, streamArn, DynamoDbLocal.REGION.id()));
    return event;
  }
}
