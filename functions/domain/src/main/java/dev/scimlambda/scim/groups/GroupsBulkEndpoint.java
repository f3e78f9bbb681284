package dev.scimlambda.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.scim.bulk.BulkEndpoint;
import dev.scimlambda.scim.resource.ETags;

/** {@code /Groups} as a bulk target: the same service the endpoint itself uses. */
public final class GroupsBulkEndpoint implements BulkEndpoint {

  private final Groups groups;

  public GroupsBulkEndpoint(Groups groups) {
    this.groups = groups;
  }

  @Override
  public String path() {
    return "/Groups";
  }

  @Override
  public Written create(String connectionId, JsonNode data) {
    return written(groups.create(connectionId, data).group());
  }

  @Override
  public Written replace(String connectionId, String id, JsonNode data, String ifMatch) {
    return written(groups.replace(connectionId, id, data, ifMatch).group());
  }

  @Override
  public Written patch(String connectionId, String id, JsonNode data, String ifMatch) {
    return written(groups.patch(connectionId, id, data, ifMatch));
  }

  @Override
  public void delete(String connectionId, String id, String ifMatch) {
    groups.delete(connectionId, id, ifMatch);
  }

  private static Written written(ScimGroup group) {
    return new Written(group.id(), ETags.of(group.version()));
  }
}
