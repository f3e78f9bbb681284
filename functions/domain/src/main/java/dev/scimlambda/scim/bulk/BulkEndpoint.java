package dev.scimlambda.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;

/** A resource endpoint as the bulk processor drives it: one per resource type ({@code /Users}, {@code /Groups}), built by {@link ServiceBulkEndpoint}. */
public interface BulkEndpoint {

  /** The endpoint's path, e.g. {@code /Users}. */
  String path();

  Written create(String connectionId, JsonNode data);

  Written replace(String connectionId, String id, JsonNode data, String ifMatch);

  Written patch(String connectionId, String id, JsonNode data, String ifMatch);

  void delete(String connectionId, String id, String ifMatch);

  /** What a successful write reports: the resource id and its new version (ETag). */
  record Written(String id, String version) {}
}
