package dev.scimlambda.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.scim.bulk.BulkEndpoint;
import dev.scimlambda.scim.resource.ETags;

/** {@code /Users} as a bulk target: the same service the endpoint itself uses. */
public final class UsersBulkEndpoint implements BulkEndpoint {

  private final Users users;

  public UsersBulkEndpoint(Users users) {
    this.users = users;
  }

  @Override
  public String path() {
    return "/Users";
  }

  @Override
  public Written create(String connectionId, JsonNode data) {
    return written(users.create(connectionId, data));
  }

  @Override
  public Written replace(String connectionId, String id, JsonNode data, String ifMatch) {
    return written(users.replace(connectionId, id, data, ifMatch));
  }

  @Override
  public Written patch(String connectionId, String id, JsonNode data, String ifMatch) {
    return written(users.patch(connectionId, id, data, ifMatch));
  }

  @Override
  public void delete(String connectionId, String id, String ifMatch) {
    users.delete(connectionId, id, ifMatch);
  }

  private static Written written(ScimUser user) {
    return new Written(user.id(), ETags.of(user.version()));
  }
}
