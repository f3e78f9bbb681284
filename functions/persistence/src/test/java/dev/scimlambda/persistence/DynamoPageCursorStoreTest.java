package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.scim.paging.PageCursor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DynamoPageCursorStoreTest {

  private final TableAccess table = TableFixture.newTable();
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

  private DynamoPageCursorStore at(Instant instant) {
    return new DynamoPageCursorStore(table, Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void aSavedCursorIsFoundForTheSameQueryAndIndex() {
    at(now).save("c1/Users", "q1", 101, new PageCursor("u100", 250));
    assertThat(at(now).find("c1/Users", "q1", 101)).contains(new PageCursor("u100", 250));
  }

  @Test
  void anotherQueryOrIndexFindsNothing() {
    at(now).save("c1/Users", "q1", 101, new PageCursor("u100", 250));
    assertThat(at(now).find("c1/Users", "q2", 101)).isEmpty();
    assertThat(at(now).find("c1/Users", "q1", 201)).isEmpty();
    assertThat(at(now).find("c2/Users", "q1", 101)).isEmpty();
  }

  @Test
  void aCursorPastItsLifetimeIsIgnoredBeforeTtlRemovesIt() {
    at(now).save("c1/Users", "q1", 101, new PageCursor("u100", 250));
    assertThat(at(now.plus(DynamoPageCursorStore.LIFETIME)).find("c1/Users", "q1", 101)).isEmpty();
  }
}
