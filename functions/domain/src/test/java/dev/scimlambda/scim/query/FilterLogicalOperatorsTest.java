package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.bjensenMatches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** and, or, not and their precedence. */
class FilterLogicalOperatorsTest {

  @Test
  void andNeedsEveryOperand() {
    assertThat(bjensenMatches("title pr and userType eq \"Employee\" and active eq true")).isTrue();
    assertThat(bjensenMatches("title pr and userType eq \"Intern\"")).isFalse();
  }

  @Test
  void orNeedsOneOperand() {
    assertThat(bjensenMatches("userType eq \"Intern\" or active eq true")).isTrue();
    assertThat(bjensenMatches("userType eq \"Intern\" or active eq false")).isFalse();
  }

  @Test
  void notInvertsItsOperand() {
    assertThat(bjensenMatches("not (userType eq \"Intern\")")).isTrue();
    assertThat(bjensenMatches("not (userType eq \"Employee\")")).isFalse();
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(bjensenMatches("active eq true or userType eq \"Intern\" and title pr")).isTrue();
    assertThat(bjensenMatches("(active eq true or userType eq \"Intern\") and nickName eq \"x\"")).isFalse();
  }
}
