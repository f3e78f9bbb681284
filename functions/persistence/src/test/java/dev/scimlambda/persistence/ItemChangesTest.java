package dev.scimlambda.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scimlambda.persistence.ItemChanges.AccessGroupsChanged;
import dev.scimlambda.persistence.ItemChanges.AppUserChanged;
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
}
