package dev.scimlambda.scim.discovery;

/**
 * What this service provider really supports, as advertised in ServiceProviderConfig. A flag turns
 * true only together with the feature: IdPs take these at their word (Entra stops sending PATCH,
 * Okta stops filtering) so an optimistic flag breaks provisioning.
 */
public record ScimCapabilities(
    boolean patch,
    boolean bulk,
    int bulkMaxOperations,
    int maxPayloadSize,
    boolean filter,
    int filterMaxResults,
    boolean changePassword,
    boolean sort,
    boolean etag) {

  /** 1 MiB: far above any single SCIM resource, small enough to parse within a Lambda's memory. */
  public static final int MAX_PAYLOAD_SIZE = 1 << 20;

  /** Discovery only: no resource endpoints yet. */
  public static final ScimCapabilities CURRENT =
      new ScimCapabilities(false, false, 0, MAX_PAYLOAD_SIZE, false, 0, false, false, false);
}
