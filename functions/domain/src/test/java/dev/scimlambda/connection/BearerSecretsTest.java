package dev.scimlambda.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerSecretsTest {

  @Test
  void newSecretsAreDistinctAndCarry256Bits() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      secrets.add(BearerSecrets.newSecret());
    }
    assertThat(secrets).hasSize(1000);
    assertThat(secrets).allSatisfy(s -> assertThat(s).matches("scim_[A-Za-z0-9_-]{43}"));
  }

  @Test
  void versionIdsFitSecretsManagersClientRequestToken() {
    assertThat(BearerSecrets.newVersionId().length()).isBetween(32, 64);
  }

  @Test
  void matchingIsExactIncludingLength() {
    assertThat(BearerSecrets.matches("scim_abc", "scim_abc")).isTrue();
    assertThat(BearerSecrets.matches("scim_abc", "scim_abd")).isFalse();
    assertThat(BearerSecrets.matches("scim_ab", "scim_abc")).isFalse();
    assertThat(BearerSecrets.matches("", "scim_abc")).isFalse();
  }

  @Test
  void theTokenIsTakenFromABearerHeaderOfAnyCase() {
    assertThat(BearerSecrets.fromAuthorizationHeader("Bearer t0k")).contains("t0k");
    assertThat(BearerSecrets.fromAuthorizationHeader("BEARER   t0k  ")).contains("t0k");
  }

  @Test
  void otherSchemesAndEmptyTokensGiveNothing() {
    assertThat(BearerSecrets.fromAuthorizationHeader(null)).isEmpty();
    assertThat(BearerSecrets.fromAuthorizationHeader("Basic dXNlcjpwYXNz")).isEmpty();
    assertThat(BearerSecrets.fromAuthorizationHeader("Bearer ")).isEmpty();
    assertThat(BearerSecrets.fromAuthorizationHeader("t0k")).isEmpty();
  }
}
