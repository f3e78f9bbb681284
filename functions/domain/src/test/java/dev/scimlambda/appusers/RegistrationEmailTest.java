package dev.scimlambda.appusers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.problem.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RegistrationEmailTest {

  @ParameterizedTest
  @ValueSource(strings = {"ada@example.com", "Ada.Lovelace+sso@mail.example.co.uk", "o'brien@example.com",
      "x@a-b.example", "jürgen@bücher.example"})
  void anAddressMailCanReachIsAccepted(String email) {
    assertThat(RegistrationEmail.valid(" " + email + " ")).isEqualTo(email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@", "@example.com", "@", "ada", "ada@localhost", "ada@@example.com", "a@b@example.com",
      ".ada@example.com", "ada.@example.com", "a..da@example.com", "ada@example..com", "ada@.example.com",
      "ada@example.com.", "ada@-example.com", "ada@example-.com", "a da@example.com", "ada@exa mple.com",
      "<ada>@example.com", "ada@exam_ple.com", "ada@example.com\u0000", "   "})
  void anAddressMailCannotReachIsRefusedWithTheRule(String email) {
    assertThatThrownBy(() -> RegistrationEmail.valid(email))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("such as ada@example.com")
        .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("email");
  }

  @Test
  void aLocalPartOver64CharactersIsRefused() {
    assertThatThrownBy(() -> RegistrationEmail.valid("a".repeat(65) + "@example.com"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(RegistrationEmail.valid("a".repeat(64) + "@example.com")).hasSize(76);
  }

  @Test
  void aDomainLabelOver63CharactersIsRefused() {
    assertThatThrownBy(() -> RegistrationEmail.valid("ada@" + "d".repeat(64) + ".com"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anAddressOver254CharactersIsRefusedBeforeItIsScanned() {
    String longest = "a@" + ("d".repeat(63) + ".").repeat(3) + "d".repeat(60);
    assertThat(longest).hasSize(254);
    assertThat(RegistrationEmail.valid(longest)).isEqualTo(longest);
    assertThatThrownBy(() -> RegistrationEmail.valid("a@" + "d".repeat(1_000_000) + ".com"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void noAddressIsRefused() {
    assertThatThrownBy(() -> RegistrationEmail.valid(null)).isInstanceOf(InvalidInputException.class);
  }
}
