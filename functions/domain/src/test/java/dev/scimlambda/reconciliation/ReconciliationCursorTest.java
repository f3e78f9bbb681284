package dev.scimlambda.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.reconciliation.ReconciliationCursor.Step;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReconciliationCursorTest {

  @Test
  void aCursorReadsBackAsTheStepConnectionAndLastItemItWasMadeFrom() {
    ReconciliationCursor cursor = new ReconciliationCursor(Step.SCIM_USERS, "c0nn", "u5er");
    assertThat(ReconciliationCursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(ReconciliationCursor.decode(ReconciliationCursor.start().encode())).isEqualTo(ReconciliationCursor.start());
    ReconciliationCursor appUsers = new ReconciliationCursor(Step.APP_USERS, null, "a1");
    assertThat(ReconciliationCursor.decode(appUsers.encode())).isEqualTo(appUsers);
  }

  @Test
  void aCursorNotMadeHereIsInvalidInputNamingTheCursor() {
    String unknownStep = Base64.getUrlEncoder().encodeToString("TAGS||x".getBytes(StandardCharsets.UTF_8));
    for (String bad : new String[] {"%%%", "bm9wZQ", unknownStep, "x".repeat(401)}) {
      assertThatThrownBy(() -> ReconciliationCursor.decode(bad))
          .as(bad)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
  }
}
