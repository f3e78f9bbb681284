package dev.scimlambda.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DirectoryEventsTest {

  private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");
  private static final ChangeContext CONTEXT = new ChangeContext("4200000000000000001", AT, "acme", "conn1", "scim-lambda.test");

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) ScimJson.MAPPER.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UserSnapshot user(boolean active, String document) {
    return new UserSnapshot("u1", null, active, json(document));
  }

  private static GroupSnapshot group(String document) {
    return new GroupSnapshot("g1", json(document));
  }

  private static MembershipSnapshot member(String type) {
    return new MembershipSnapshot("g1", "u1", type, "Ada", null);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static DirectoryEvent only(Optional<DirectoryEvent> event) {
    assertThat(event).isPresent();
    return event.get();
  }

  @Test
  void aNewUserIsUserCreatedWithTheUserAndEveryFieldAsChanged() {
    DirectoryEvent event = only(DirectoryEvents.user(CONTEXT, null, user(true, "{'userName':'ada','active':true}")));
    assertThat(event.type()).isEqualTo(EventType.USER_CREATED);
    assertThat(event.workspaceId()).isEqualTo("acme");
    assertThat(event.connectionId()).isEqualTo("conn1");
    assertThat(event.occurredAt()).isEqualTo(AT);
    assertThat(event.data().get("user").get("id").asText()).isEqualTo("u1");
    assertThat(event.data().get("user").get("userName").asText()).isEqualTo("ada");
    assertThat(texts(event.data().get("changedFields"))).containsExactly("active", "userName");
    assertThat(event.data().has("previous")).isFalse();
  }

  @Test
  void theAppUserIsTheUsersOwnIdUntilTheItemNamesAnother() {
    UserSnapshot plain = user(true, "{}");
    UserSnapshot linked = new UserSnapshot("u1", "app7", true, json("{}"));
    assertThat(only(DirectoryEvents.user(CONTEXT, null, plain)).data().get("appUserId").asText()).isEqualTo("u1");
    assertThat(only(DirectoryEvents.user(CONTEXT, null, linked)).data().get("appUserId").asText()).isEqualTo("app7");
  }

  @Test
  void aChangedAttributeIsUserUpdatedNamingItWithItsPreviousValue() {
    DirectoryEvent event = only(DirectoryEvents.user(CONTEXT,
        user(true, "{'userName':'ada','title':'Engineer','name':{'givenName':'Ada'}}"),
        user(true, "{'userName':'ada','name':{'givenName':'Ada','familyName':'Lovelace'},'nickName':'A'}")));
    assertThat(event.type()).isEqualTo(EventType.USER_UPDATED);
    assertThat(texts(event.data().get("changedFields"))).containsExactly("name", "nickName", "title");
    JsonNode previous = event.data().get("previous");
    assertThat(previous.get("title").asText()).isEqualTo("Engineer");
    assertThat(previous.get("name")).isEqualTo(json("{'givenName':'Ada'}"));
    assertThat(previous.get("nickName").isNull()).isTrue();
    assertThat(event.data().get("user").get("nickName").asText()).isEqualTo("A");
  }

  @Test
  void activeGoingFalseIsUserDeactivated() {
    DirectoryEvent event =
        only(DirectoryEvents.user(CONTEXT, user(true, "{'active':true}"), user(false, "{'active':false}")));
    assertThat(event.type()).isEqualTo(EventType.USER_DEACTIVATED);
    assertThat(texts(event.data().get("changedFields"))).containsExactly("active");
  }

  @Test
  void activeGoingTrueIsUserReactivated() {
    DirectoryEvent event =
        only(DirectoryEvents.user(CONTEXT, user(false, "{'active':false}"), user(true, "{'active':true}")));
    assertThat(event.type()).isEqualTo(EventType.USER_REACTIVATED);
  }

  @Test
  void aRemovedUserIsUserDeletedWithItsLastState() {
    DirectoryEvent event = only(DirectoryEvents.user(CONTEXT, user(true, "{'userName':'ada'}"), null));
    assertThat(event.type()).isEqualTo(EventType.USER_DELETED);
    assertThat(event.data().get("user").get("userName").asText()).isEqualTo("ada");
  }

  @Test
  void aWriteThatChangesNoAttributeIsNoEvent() {
    assertThat(DirectoryEvents.user(CONTEXT, user(true, "{'userName':'ada'}"), user(true, "{'userName':'ada'}")))
        .isEmpty();
  }

  @Test
  void groupsAreCreatedUpdatedAndDeleted() {
    assertThat(only(DirectoryEvents.group(CONTEXT, null, group("{'displayName':'Eng'}"))).type())
        .isEqualTo(EventType.GROUP_CREATED);
    DirectoryEvent renamed =
        only(DirectoryEvents.group(CONTEXT, group("{'displayName':'Eng'}"), group("{'displayName':'R&D'}")));
    assertThat(renamed.type()).isEqualTo(EventType.GROUP_UPDATED);
    assertThat(texts(renamed.data().get("changedFields"))).containsExactly("displayName");
    assertThat(renamed.data().get("previous").get("displayName").asText()).isEqualTo("Eng");
    assertThat(renamed.data().get("group").get("id").asText()).isEqualTo("g1");
    assertThat(only(DirectoryEvents.group(CONTEXT, group("{'displayName':'Eng'}"), null)).type())
        .isEqualTo(EventType.GROUP_DELETED);
  }

  @Test
  void aMemberChangeAloneIsNoGroupUpdate() {
    assertThat(DirectoryEvents.group(CONTEXT, group("{'displayName':'Eng'}"), group("{'displayName':'Eng'}")))
        .isEmpty();
  }

  @Test
  void aGroupEventAndAMembershipEventAreAboutTheGroup() {
    assertThat(only(DirectoryEvents.group(CONTEXT, null, group("{'displayName':'Eng'}"))).subject())
        .isEqualTo("groups/" + group("{}").id());
    assertThat(only(DirectoryEvents.membership(CONTEXT, null, member("User"))).subject()).isEqualTo("groups/g1");
  }

  @Test
  void aUserJoiningIsGroupUserAddedAndLeavingIsGroupUserRemoved() {
    DirectoryEvent added = only(DirectoryEvents.membership(CONTEXT, null, member("User")));
    assertThat(added.type()).isEqualTo(EventType.GROUP_USER_ADDED);
    assertThat(added.data().get("group").get("id").asText()).isEqualTo("g1");
    assertThat(added.data().get("user").get("id").asText()).isEqualTo("u1");
    assertThat(added.data().get("appUserId").asText()).isEqualTo("u1");
    assertThat(only(DirectoryEvents.membership(CONTEXT, member("User"), null)).type())
        .isEqualTo(EventType.GROUP_USER_REMOVED);
  }

  @Test
  void nestedGroupsAndChangedDisplayNamesOfMembersAreNoEvents() {
    assertThat(DirectoryEvents.membership(CONTEXT, null, member("Group"))).isEmpty();
    assertThat(DirectoryEvents.membership(CONTEXT, member("User"), member("User"))).isEmpty();
  }

  @Test
  void theSameRecordAlwaysYieldsTheSameEventIdAndAnotherRecordAnother() {
    UserSnapshot created = user(true, "{'userName':'ada'}");
    String first = only(DirectoryEvents.user(CONTEXT, null, created)).id();
    String replayed = only(DirectoryEvents.user(CONTEXT, null, created)).id();
    ChangeContext next = new ChangeContext("4200000000000000002", AT, "acme", "conn1", "scim-lambda.test");
    assertThat(replayed).isEqualTo(first).startsWith("evt_");
    assertThat(only(DirectoryEvents.user(next, null, created)).id()).isNotEqualTo(first);
  }

  @Test
  void thePayloadIsAStructuredCloudEventWithWorkspaceAndConnectionAsExtensions() {
    JsonNode payload = only(DirectoryEvents.user(CONTEXT, null, user(true, "{}"))).toJson();
    assertThat(payload.get("specversion").asText()).isEqualTo("1.0");
    assertThat(payload.get("source").asText()).isEqualTo("scim-lambda.test");
    assertThat(payload.get("type").asText()).isEqualTo("user.created");
    assertThat(payload.get("time").asText()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(payload.get("subject").asText()).isEqualTo("users/u1");
    assertThat(payload.get("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(payload.get("workspaceid").asText()).isEqualTo("acme");
    assertThat(payload.get("connectionid").asText()).isEqualTo("conn1");
    assertThat(payload.get("id").asText()).startsWith("evt_");
    assertThat(payload.get("data").get("user").get("id").asText()).isEqualTo("u1");
  }
}
