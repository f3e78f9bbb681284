package dev.scimlambda.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.paging.PageCursorStore;
import dev.scimlambda.scim.query.FilterPlanner;
import dev.scimlambda.scim.query.IndexedAttribute;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.listing.ResourceListing;
import java.util.List;
import java.util.Optional;

/**
 * {@link ResourceListing} of a connection's groups: {@code displayName eq} and {@code externalId eq}
 * read a guard item, {@code members.value eq} queries the member's memberships, anything else
 * streams the groups. Groups are listed without reading their members; filters on other member
 * attributes than {@code value} therefore match nothing.
 */
public final class GroupListing extends ResourceListing<ScimGroup> {

  public GroupListing(GroupStore store, PageCursorStore cursors) {
    super(new Source(store), cursors, ScimSchemas.group(), FilterPlanner.groups());
  }

  private record Source(GroupStore store) implements ResourceListing.Source<ScimGroup> {

    @Override
    public Page<ScimGroup> page(String connectionId, String afterId, int limit) {
      GroupStore.GroupPage page = store.page(connectionId, afterId, limit);
      return new Page<>(page.groups(), page.lastId());
    }

    @Override
    public long count(String connectionId) {
      return store.count(connectionId);
    }

    @Override
    public List<ScimGroup> lookup(String connectionId, IndexedAttribute attribute, String key) {
      if (attribute == IndexedAttribute.MEMBER) {
        // The member is known to be in each of these groups: the filter is evaluated on a document showing it.
        return store.groupIdsOf(connectionId, key).stream()
            .map(id -> store.find(connectionId, id)).flatMap(Optional::stream)
            .map(group -> withMember(group, key))
            .toList();
      }
      List<String> ids = switch (attribute) {
        case ID -> List.of(key);
        case DISPLAY_NAME -> store.findId(connectionId, GroupStore.LookupKey.DISPLAY_NAME, key).stream().toList();
        case EXTERNAL_ID -> store.findId(connectionId, GroupStore.LookupKey.EXTERNAL_ID, key).stream().toList();
        default -> throw new IllegalStateException("groups have no " + attribute + " index");
      };
      return ids.stream().map(id -> store.find(connectionId, id)).flatMap(Optional::stream).toList();
    }

    private static ScimGroup withMember(ScimGroup group, String memberId) {
      ObjectNode document = group.document().deepCopy();
      document.putArray("members").addObject().put("value", memberId);
      return new ScimGroup(group.connectionId(), group.id(), document, group.displayNameKey(), group.externalId(),
          group.memberCount(), group.created(), group.lastModified(), group.version());
    }

    @Override
    public String id(ScimGroup group) {
      return group.id();
    }

    /** Without members, which are not read; a member lookup's candidates show the member looked up. */
    @Override
    public ObjectNode representation(ScimGroup group, String baseUrl) {
      ObjectNode representation = GroupRepresentation.of(group, null, baseUrl);
      JsonNode lookedUp = group.document().get("members");
      if (lookedUp != null) {
        representation.set("members", lookedUp.deepCopy());
      }
      return representation;
    }
  }
}
