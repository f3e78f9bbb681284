package dev.scimlambda.bench.captaingoldfish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trivial store behind the SDK's endpoint: documents as ObjectNodes keyed by id, converted to the
 * SDK's resource class on read, as a DynamoDB-backed handler would convert an item.
 */
public abstract class InMemoryResourceHandler<T extends ResourceNode> extends ResourceHandler<T> {

  private final Map<String, ObjectNode> documents = new LinkedHashMap<>();
  private final Class<T> resourceClass;

  protected InMemoryResourceHandler(Class<T> resourceClass) {
    this.resourceClass = resourceClass;
  }

  public void put(ObjectNode document) {
    documents.put(document.get("id").asText(), document);
  }

  public ObjectNode get(String id) {
    return documents.get(id);
  }

  @Override
  public T createResource(T resource, Context context) {
    throw new UnsupportedOperationException("create is not measured");
  }

  @Override
  public T getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
      Context context) {
    ObjectNode document = documents.get(id);
    return document == null ? null : JsonHelper.copyResourceToObject(document.deepCopy(), resourceClass);
  }

  @Override
  public PartialListResponse<T> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy,
      SortOrder sortOrder, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
      Context context) {
    List<T> all = new ArrayList<>();
    documents.values().forEach(d -> all.add(JsonHelper.copyResourceToObject(d.deepCopy(), resourceClass)));
    return PartialListResponse.<T>builder().resources(all).totalResults(all.size()).build();
  }

  @Override
  public T updateResource(T resourceToUpdate, Context context) {
    documents.put(resourceToUpdate.getId().orElseThrow(), resourceToUpdate);
    return resourceToUpdate;
  }

  @Override
  public void deleteResource(String id, Context context) {
    documents.remove(id);
  }
}
