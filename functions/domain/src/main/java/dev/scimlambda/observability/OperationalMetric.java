package dev.scimlambda.observability;

import java.util.List;

/**
 * The metrics an operator watches, named as they appear in CloudWatch. Each is a count; each carries
 * the function's {@code Service} dimension plus the dimensions named here, in this order.
 * docs/operations.md says what a change in each means.
 */
public enum OperationalMetric {
  /** One per SCIM request answered, by endpoint, operation and status class. */
  SCIM_REQUESTS("ScimRequests", "Resource", "Operation", "StatusClass"),
  /** A create, reactivation or SSO registration refused because every seat is taken. */
  SEAT_REFUSALS("SeatRefusals"),
  /** SCIM users created, deactivated and deleted, as the stream sees them: once per change. */
  USERS_PROVISIONED("UsersProvisioned"),
  USERS_DEACTIVATED("UsersDeactivated"),
  USERS_DELETED("UsersDeleted"),
  /** Stream records every projection applied; a failed one, which the stream then redelivers. */
  STREAM_RECORDS_PROCESSED("StreamRecordsProcessed"),
  STREAM_RECORDS_FAILED("StreamRecordsFailed"),
  /** Directory events handed to a destination, and those it did not take. */
  EVENT_DELIVERIES_ATTEMPTED("EventDeliveriesAttempted", "Destination"),
  EVENT_DELIVERIES_FAILED("EventDeliveriesFailed", "Destination");

  private final String metricName;
  private final List<String> dimensions;

  OperationalMetric(String metricName, String... dimensions) {
    this.metricName = metricName;
    this.dimensions = List.of(dimensions);
  }

  public String metricName() {
    return metricName;
  }

  /** The dimensions besides {@code Service}. */
  public List<String> dimensions() {
    return dimensions;
  }
}
