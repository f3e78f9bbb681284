package dev.scimlambda.scim.discovery;

import dev.scimlambda.scim.listing.ResourceListing;

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

  /** Lambda answers within 29 s: 100 operations of a few writes each fit with room to spare. */
  public static final int MAX_BULK_OPERATIONS = 100;

  /** What the Users endpoint serves; changePassword stays false: passwords are never stored. */
  public static final ScimCapabilities CURRENT =
      new ScimCapabilities(true, true, MAX_BULK_OPERATIONS, MAX_PAYLOAD_SIZE, true, ResourceListing.MAX_COUNT, false, true, true);
}
