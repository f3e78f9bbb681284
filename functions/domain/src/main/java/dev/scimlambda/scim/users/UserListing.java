package dev.scimlambda.scim.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.listing.ResourceListing;
import dev.scimlambda.scim.paging.PageCursorStore;
import dev.scimlambda.scim.query.FilterPlanner;
import dev.scimlambda.scim.query.IndexedAttribute;
import dev.scimlambda.scim.schema.ScimSchemas;
import java.util.List;
import java.util.Optional;

/** {@link ResourceListing} of a connection's users, with the userName, externalId and email indexes. */
public final class UserListing extends ResourceListing<ScimUser> {

  public UserListing(UserStore store, PageCursorStore cursors) {
    super(new Users(store), cursors, ScimSchemas.user(), FilterPlanner.users());
  }

  private record Users(UserStore store) implements Source<ScimUser> {

    @Override
    public Page<ScimUser> page(String connectionId, String afterId, int limit) {
      UserStore.UserPage page = store.page(connectionId, afterId, limit);
      return new Page<>(page.users(), page.lastId());
    }

    @Override
    public long count(String connectionId) {
      return store.count(connectionId);
    }

    @Override
    public List<ScimUser> lookup(String connectionId, IndexedAttribute attribute, String key) {
      List<String> ids = switch (attribute) {
        case ID -> List.of(key);
        case USER_NAME -> store.findId(connectionId, UserStore.LookupKey.USER_NAME, key).stream().toList();
        case EXTERNAL_ID -> store.findId(connectionId, UserStore.LookupKey.EXTERNAL_ID, key).stream().toList();
        case EMAIL -> store.findIdsByEmail(connectionId, key);
        default -> throw new IllegalStateException("users have no " + attribute + " index");
      };
      return ids.stream().map(id -> store.find(connectionId, id)).flatMap(Optional::stream).toList();
    }

    @Override
    public String id(ScimUser user) {
      return user.id();
    }

    @Override
    public ObjectNode representation(ScimUser user, String baseUrl) {
      return UserRepresentation.of(user, baseUrl);
    }
  }
}
