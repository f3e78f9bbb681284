package dev.scimlambda.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimlambda.persistence.ItemChanges.AccessGroupsChanged;
import dev.scimlambda.persistence.ItemChanges.AppUserChanged;
import dev.scimlambda.persistence.ItemChanges.ConnectionChanged;
import dev.scimlambda.persistence.ItemChanges.ItemOwner;
import dev.scimlambda.persistence.ItemChanges.MembershipChanged;
import dev.scimlambda.persistence.ItemChanges.UserChanged;
import dev.scimlambda.scim.groups.Member;
import java.util.HashMap;
import dev.scimlambda.persistence.ItemChanges.OtherChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemChangesTest {

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  @Test
  void anAppUserItemInsertIsAnAppUserChangeWithNoSeatBefore() {
    Map<String, AttributeValue> item = Map.of("entity", s("AppUser"), "workspaceId", s("ws1"),
        "seat", AttributeValue.fromBool(true));

    assertEquals(new AppUserChanged("ws1", null, true), ItemChanges.of(Map.of(), item));
  }

  @Test
  void anAppUserItemRemoveKeepsTheWorkspaceOfTheOldImage() {
    Map<String, AttributeValue> item = Map.of("entity", s("AppUser"), "workspaceId", s("ws1"),
        "seat", AttributeValue.fromBool(true));

    assertEquals(new AppUserChanged("ws1", true, null), ItemChanges.of(item, Map.of()));
  }

  @Test
  void anAccessGroupsSaveCarriesTheSavedGroups() {
    Map<String, AttributeValue> item = Map.of("entity", s("AccessGroups"), "connectionId", s("c1"),
        "groups", AttributeValue.fromL(List.of(s("Admins"))), "updatedAt", s("2026-01-01T00:00:00Z"));

    AccessGroupsChanged change = (AccessGroupsChanged) ItemChanges.of(Map.of(), item);

    assertEquals("c1", change.after().connectionId());
    assertEquals(List.of("Admins"), change.after().groups());
  }

  @Test
  void anAccessGroupsRemoveHasNoSavedGroups() {
    Map<String, AttributeValue> item = Map.of("entity", s("AccessGroups"), "connectionId", s("c1"));

    assertNull(((AccessGroupsChanged) ItemChanges.of(item, Map.of())).after());
  }

  @Test
  void anItemOfAnotherEntityIsAnOtherChangeNamingIt() {
    assertEquals(new OtherChange("Webhook"), ItemChanges.of(Map.of(), Map.of("entity", s("Webhook"))));
  }

  private static Map<String, AttributeValue> user(long version, boolean active) {
    Map<String, AttributeValue> item = new HashMap<>(Map.of("entity", s("User"), "pk", s("CONN#c1"),
        "sk", s("USER#u1"), "connectionId", s("c1"), "id", s("u1"), "document", s("{\"userName\":\"ada\"}"),
        "userNameKey", s("ada"), "active", AttributeValue.fromBool(active), "version", AttributeValue.fromN("" + version)));
    item.put("created", s("2026-01-01T00:00:00Z"));
    item.put("lastModified", s("2026-01-02T00:00:00Z"));
    item.put("appUserId", s("p1"));
    return item;
  }

  @Test
  void aUserItemModifyIsAUserChangeWithBothVersionsDecoded() {
    UserChanged change = (UserChanged) ItemChanges.of(user(1, true), user(2, false));

    assertEquals(1, change.before().version());
    assertEquals(2, change.after().version());
    assertEquals(false, change.after().active());
    assertEquals("ada", change.after().document().path("userName").asText());
    assertEquals("p1", change.current().appUserId());
  }

  @Test
  void aUserItemRemoveIsCurrentAsItWasRemoved() {
    UserChanged change = (UserChanged) ItemChanges.of(user(3, true), Map.of());

    assertNull(change.after());
    assertEquals("u1", change.current().id());
    assertEquals("c1", change.current().connectionId());
  }

  @Test
  void aMembershipItemNamesItsConnectionGroupAndMember() {
    Map<String, AttributeValue> item = Map.of("entity", s("GroupMember"), "connectionId", s("c1"),
        "groupId", s("g1"), "memberId", s("u1"), "type", s("User"), "display", s("Ada"));

    MembershipChanged joined = (MembershipChanged) ItemChanges.of(Map.of(), item);

    assertEquals(new MembershipChanged("c1", "g1", null, new Member("u1", "User", "Ada")), joined);
  }

  @Test
  void aConnectionItemIsAConnectionChangeNamingItsWorkspace() {
    Map<String, AttributeValue> item = Map.of("entity", s("Connection"), "id", s("c1"), "workspaceId", s("ws1"),
        "name", s("Okta"), "idpType", s("okta"), "secretVersion", s("v1"), "createdAt", s("2026-01-01T00:00:00Z"));

    ConnectionChanged created = (ConnectionChanged) ItemChanges.of(Map.of(), item);

    assertNull(created.before());
    assertEquals("ws1", created.current().workspaceId());
    assertEquals("Okta", created.after().name());
  }

  @Test
  void theOwnerOfAnItemWithoutWorkspaceAttributeIsReadFromItsWorkspacePartition() {
    Map<String, AttributeValue> item = Map.of("entity", s("Webhook"), "pk", s("WS#ws9"), "sk", s("WEBHOOK"));

    assertEquals(new ItemOwner("Webhook", "ws9", ""), ItemChanges.ownerOf(item, Map.of()));
  }

  @Test
  void theKeyOfAnImageIsItsPartitionAndSortKeyOnly() {
    Map<String, AttributeValue> key = ItemChanges.keyOf(user(1, true));

    assertEquals(Map.of("pk", s("CONN#c1"), "sk", s("USER#u1")), key);
    assertTrue(ItemChanges.keyOf(Map.of("entity", s("User"))).isEmpty());
  }
}
