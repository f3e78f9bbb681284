package dev.scimlambda.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionEventsTest {

  private static final Instant AT = Instant.parse("2026-12-05T08:00:00Z");
  private static final Instant SEEN = Instant.parse("2026-12-05T08:01:00Z");
  private static final ChangeContext CONTEXT = new ChangeContext("4200000000000000007", AT, "acme", "c1", "scim-lambda.test");

  private static ConnectionSnapshot connection(String secretVersion, Instant lastRequestAt, Instant deletedAt) {
    return new ConnectionSnapshot("c1", "Okta production", "okta", secretVersion, null, lastRequestAt, deletedAt);
  }

  private static final ConnectionSnapshot NEW = connection("v1", null, null);
  private static final ConnectionSnapshot IN_USE = connection("v1", SEEN, null);

  private static List<EventType> types(List<DirectoryEvent> events) {
    return events.stream().map(DirectoryEvent::type).toList();
  }

  @Test
  void aNewConnectionIsConnectionCreatedNamingItAndItsTypeWithoutItsSecret() {
    DirectoryEvent created = DirectoryEvents.connection(CONTEXT, null, NEW).get(0);

    assertThat(created.type()).isEqualTo(EventType.CONNECTION_CREATED);
    assertThat(created.subject()).isEqualTo("connections/c1");
    assertThat(created.workspaceId()).isEqualTo("acme");
    assertThat(created.connectionId()).isEqualTo("c1");
    assertThat(created.data().get("connection").toString())
        .isEqualTo("{\"id\":\"c1\",\"name\":\"Okta production\",\"type\":\"okta\"}");
    assertThat(created.toJson().toString()).doesNotContain("v1");
  }

  @Test
  void theFirstAuthenticatedRequestIsConnectionActivated() {
    List<DirectoryEvent> events = DirectoryEvents.connection(CONTEXT, NEW, IN_USE);

    assertThat(types(events)).containsExactly(EventType.CONNECTION_ACTIVATED);
    assertThat(events.get(0).data().get("firstRequestAt").asText()).isEqualTo(SEEN.toString());
  }

  @Test
  void laterRequestsAreNotEvents() {
    assertThat(DirectoryEvents.connection(CONTEXT, IN_USE, connection("v1", SEEN.plusSeconds(600), null))).isEmpty();
  }

  @Test
  void aNewSecretVersionIsConnectionSecretRotatedWithUntilWhenTheOldOneWorks() {
    Instant graceEnds = AT.plusSeconds(86_400);
    ConnectionSnapshot rotated = new ConnectionSnapshot("c1", "Okta production", "okta", "v2", graceEnds, SEEN, null);
    List<DirectoryEvent> events = DirectoryEvents.connection(CONTEXT, IN_USE, rotated);

    assertThat(types(events)).containsExactly(EventType.CONNECTION_SECRET_ROTATED);
    assertThat(events.get(0).data().get("previousSecretValidUntil").asText()).isEqualTo(graceEnds.toString());
    assertThat(events.get(0).toJson().toString()).doesNotContain("v1").doesNotContain("\"v2\"");
  }

  @Test
  void markingItDeletedIsConnectionDeletedOnce() {
    ConnectionSnapshot deleted = connection("v1", SEEN, AT);

    assertThat(types(DirectoryEvents.connection(CONTEXT, IN_USE, deleted))).containsExactly(EventType.CONNECTION_DELETED);
    assertThat(DirectoryEvents.connection(CONTEXT, deleted, null)).isEmpty();
  }

  @Test
  void anActiveConnectionsItemRemovedIsConnectionDeleted() {
    assertThat(types(DirectoryEvents.connection(CONTEXT, IN_USE, null))).containsExactly(EventType.CONNECTION_DELETED);
  }

  @Test
  void aRenameIsNotAnEvent() {
    ConnectionSnapshot renamed = new ConnectionSnapshot("c1", "Okta", "okta", "v1", null, SEEN, null);

    assertThat(DirectoryEvents.connection(CONTEXT, IN_USE, renamed)).isEmpty();
  }

  @Test
  void eachEventOfAReplayedRecordKeepsItsId() {
    assertThat(DirectoryEvents.connection(CONTEXT, NEW, IN_USE).get(0).id())
        .isEqualTo(DirectoryEvents.connection(CONTEXT, NEW, IN_USE).get(0).id())
        .isNotEqualTo(DirectoryEvents.connection(CONTEXT, null, NEW).get(0).id());
  }
}
