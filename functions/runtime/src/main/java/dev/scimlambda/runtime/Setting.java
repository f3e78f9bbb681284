package dev.scimlambda.runtime;

import java.util.Locale;

/**
 * Every setting a function reads. In Lambda each one arrives as the environment variable
 * {@link #environmentVariable()}; Micronaut maps that variable to {@link #property()}, which is how
 * the embedded stack and the tests, running many handlers in one JVM, set them instead.
 *
 * <p>The template check asserts that {@code template.yaml} sets every {@link #deployed} setting a
 * function's {@link FunctionManifest} lists, so a setting cannot be added here and forgotten there.
 */
public enum Setting {
  /** Name of the single DynamoDB table. */
  TABLE_NAME("SCIM_TABLE_NAME", true),
  /** Prefix of every Secrets Manager secret name this stack owns; IAM grants are scoped to it. */
  SECRET_PREFIX("SCIM_SECRET_PREFIX", true),
  /** Secret holding the operator token of the admin API; blank: JWT sign-in only. */
  ADMIN_TOKEN_SECRET_ID("SCIM_ADMIN_TOKEN_SECRET_ID", true),
  /** Issuer ({@code iss}) of the host product's admin JWTs; unset: only the operator token signs in. */
  ADMIN_JWT_ISSUER("SCIM_ADMIN_JWT_ISSUER", true),
  /** Audience ({@code aud}) the admin JWTs must carry. */
  ADMIN_JWT_AUDIENCE("SCIM_ADMIN_JWT_AUDIENCE", true),
  /** The issuer's signing keys: a path to a JWKS file, or an http(s) URL (fetched on first use, cached). */
  ADMIN_JWKS("SCIM_ADMIN_JWKS", true),
  /** Claim listing the workspaces a JWT's bearer administers (default {@code workspaces}). */
  ADMIN_WORKSPACES_CLAIM("SCIM_ADMIN_WORKSPACES_CLAIM", true),
  /** Base URL IdPs reach us at (API Gateway stage URL or custom domain), without a trailing slash. */
  PUBLIC_BASE_URL("SCIM_PUBLIC_BASE_URL", true),
  /** How long a rotated-out connection secret keeps working, ISO-8601 (PT24H); PT0S revokes at once. */
  SECRET_ROTATION_GRACE("SCIM_SECRET_ROTATION_GRACE", true),
  /** EventBridge bus directory events are published to; empty turns publishing off (the embedded stack). */
  EVENT_BUS_NAME("SCIM_EVENT_BUS_NAME", true),
  /**
   * Deployment stage (the template's {@code Stage}); events carry it in their source,
   * {@code scim-lambda.<stage>}, so two stages on one bus can be told apart. The embedded stack: local.
   */
  STAGE("SCIM_STAGE", true),
  /** Days an activity log entry (and the change it records) is kept before DynamoDB's TTL removes it; default 30. */
  ACTIVITY_RETENTION_DAYS("SCIM_ACTIVITY_RETENTION_DAYS", true),
  /** {@code aws} (Secrets Manager, the default) or {@code local} (a file, for the embedded stack). */
  SECRET_STORE("SCIM_SECRET_STORE", false),
  /** File of the local secret store; only read when {@link #SECRET_STORE} is {@code local}. */
  LOCAL_SECRETS_FILE("SCIM_LOCAL_SECRETS_FILE", false),
  /** Members per tag refresh chunk (one stream invocation each); tests lower it to see several chunks. */
  TAG_REFRESH_CHUNK_SIZE("SCIM_TAG_REFRESH_CHUNK_SIZE", false),
  /** How often, at most, the stream handler checks a workspace's seat ledger (ISO-8601, default PT15M). */
  SEAT_RECONCILIATION_INTERVAL("SCIM_SEAT_RECONCILIATION_INTERVAL", false),
  /**
   * SQS queue stream records a projection could not apply are parked in, with their images, for
   * the redrive function (docs/operations.md).
   */
  STREAM_RECORD_FAILURES_QUEUE_URL("SCIM_STREAM_RECORD_FAILURES_QUEUE_URL", true),
  /** JSON-lines file failed stream records are parked in instead (the embedded stack's data directory). */
  STREAM_RECORD_FAILURES_FILE("SCIM_STREAM_RECORD_FAILURES_FILE", false),
  /**
   * SQS queue directory events wait in for delivery to workspaces' webhooks: the stream function
   * sends to it, the delivery function consumes it (docs/operations.md, "Webhook deliveries").
   */
  WEBHOOK_OUTBOX_QUEUE_URL("SCIM_WEBHOOK_OUTBOX_QUEUE_URL", true),
  /** SQS queue the delivery function moves an event it gave up on to, whole, for replay. */
  WEBHOOK_DEAD_LETTER_QUEUE_URL("SCIM_WEBHOOK_DEAD_LETTER_QUEUE_URL", true),
  /** Directory used as the webhook outbox instead (the embedded stack's data directory). */
  WEBHOOK_OUTBOX_DIRECTORY("SCIM_WEBHOOK_OUTBOX_DIRECTORY", false),
  /** Items per reconciliation page (default 100); tests lower it to see several pages. */
  RECONCILIATION_PAGE_SIZE("SCIM_RECONCILIATION_PAGE_SIZE", false),
  /**
   * How long one reconciliation call runs pages before answering with a cursor (ISO-8601; default
   * PT20S for the admin API, the remaining invocation time for the scheduled run); PT0S runs one page.
   */
  RECONCILIATION_TIME_BUDGET("SCIM_RECONCILIATION_TIME_BUDGET", false),
  /**
   * Lowest level the deployed functions log (ERROR, WARN, INFO, DEBUG; default INFO). Read by the
   * functions' log4j2.properties, not by code: Lambda's own level filter cannot be used for it, as it would
   * also drop the metrics' EMF lines, which carry no level.
   */
  LOG_LEVEL("SCIM_LOG_LEVEL", true),
  /**
   * First retry delay of a webhook delivery (ISO-8601, default PT1M); the whole schedule and the
   * endpoint circuit's open interval scale with it, so tests lower it to milliseconds.
   */
  WEBHOOK_RETRY_BASE("SCIM_WEBHOOK_RETRY_BASE", false),
  /**
   * SQS queue of Directory Sync work: a run to go on with (sent by the admin API's Sync now and by
   * the sync function itself, delayed) and the schedule's ticks. Unset: runs go on in process (the
   * embedded stack).
   */
  SYNC_QUEUE_URL("SCIM_SYNC_QUEUE_URL", true),
  /** Whether this process ticks the Directory Sync schedule itself, every minute (the embedded stack). */
  SYNC_LOCAL_SCHEDULER("SCIM_SYNC_LOCAL_SCHEDULER", false),
  /** How long between two full passes of a pull connection (ISO-8601, default P1D). */
  SYNC_FULL_PASS_INTERVAL("SCIM_SYNC_FULL_PASS_INTERVAL", false),
  /** Microsoft identity platform base URL (default https://login.microsoftonline.com); a stub in tests. */
  SYNC_GRAPH_LOGIN_URL("SCIM_SYNC_GRAPH_LOGIN_URL", false),
  /** Microsoft Graph base URL (default https://graph.microsoft.com/v1.0). */
  SYNC_GRAPH_API_URL("SCIM_SYNC_GRAPH_API_URL", false),
  /** Google's OAuth 2.0 token endpoint (default https://oauth2.googleapis.com/token). */
  SYNC_GOOGLE_TOKEN_URL("SCIM_SYNC_GOOGLE_TOKEN_URL", false),
  /** Google Admin SDK Directory API base URL (default https://admin.googleapis.com/admin/directory/v1). */
  SYNC_GOOGLE_API_URL("SCIM_SYNC_GOOGLE_API_URL", false),
  /** {@code true} lets an Okta org URL be plain http to a loopback address (tests, local stubs); never in AWS. */
  SYNC_ALLOW_LOOPBACK_HTTP("SCIM_SYNC_ALLOW_LOOPBACK_HTTP", false),
  /** Endpoint override for DynamoDB (DynamoDB Local); unset in AWS. */
  DYNAMODB_ENDPOINT("SCIM_DYNAMODB_ENDPOINT", false);

  private final String environmentVariable;
  private final boolean deployed;

  Setting(String environmentVariable, boolean deployed) {
    this.environmentVariable = environmentVariable;
    this.deployed = deployed;
  }

  public String environmentVariable() {
    return environmentVariable;
  }

  /** The Micronaut property the environment variable maps to, e.g. {@code scim.table-name}. */
  public String property() {
    String rest = environmentVariable.substring("SCIM_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    return "scim." + rest;
  }

  /** Whether a deployed function must get this setting from the template (false: local runs only). */
  public boolean deployed() {
    return deployed;
  }
}
