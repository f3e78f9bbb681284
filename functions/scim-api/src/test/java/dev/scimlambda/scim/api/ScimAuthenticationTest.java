package dev.scimlambda.scim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScimAuthenticationTest extends ScimTestConnections {

  private static ApiResult serviceProviderConfig(IssuedConnection connection, String authorization) {
    ApiCall call = ApiCall.of("GET", "/scim/v2/" + connection.connection().id() + "/ServiceProviderConfig");
    if (authorization != null) {
      call.header("Authorization", authorization);
    }
    return call.invoke(handler);
  }

  private static void assertUnauthorized(ApiResult result) {
    assertThat(result.status()).isEqualTo(401);
    assertThat(result.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(result.header("Content-Type")).startsWith("application/scim+json");
    assertThat(result.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(result.json().get("status").asText()).isEqualTo("401");
  }

  @Test
  void theConnectionsSecretIsAccepted() {
    IssuedConnection connection = newConnection();
    assertThat(serviceProviderConfig(connection, "Bearer " + connection.bearerToken()).status()).isEqualTo(200);
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() {
    IssuedConnection connection = newConnection();
    assertThat(serviceProviderConfig(connection, "bearer " + connection.bearerToken()).status()).isEqualTo(200);
  }

  @Test
  void aWrongSecretGets401WithScimErrorAndChallenge() {
    assertUnauthorized(serviceProviderConfig(newConnection(), "Bearer scim_wrong"));
  }

  @Test
  void aMissingAuthorizationHeaderGets401() {
    assertUnauthorized(serviceProviderConfig(newConnection(), null));
  }

  @Test
  void basicAuthenticationGets401() {
    IssuedConnection connection = newConnection();
    assertUnauthorized(serviceProviderConfig(connection, "Basic " + connection.bearerToken()));
  }

  @Test
  void anotherConnectionsSecretIsRejected() {
    IssuedConnection mine = newConnection();
    IssuedConnection other = newConnection();
    assertUnauthorized(serviceProviderConfig(mine, "Bearer " + other.bearerToken()));
  }

  @Test
  void anUnknownConnectionGets401NotADifferentAnswer() {
    ApiResult result =
        ApiCall.of("GET", "/scim/v2/doesnotexist/ServiceProviderConfig").bearer("scim_whatever").invoke(handler);
    assertUnauthorized(result);
  }

  @Test
  void theErrorNeverEchoesThePresentedSecret() {
    ApiResult result = serviceProviderConfig(newConnection(), "Bearer scim_presented_secret_value");
    assertThat(result.bodyText()).doesNotContain("scim_presented_secret_value");
  }

  @Test
  void aDeletedConnectionsSecretIsRejectedAtOnce() {
    IssuedConnection connection = newConnection();
    assertThat(serviceProviderConfig(connection, "Bearer " + connection.bearerToken()).status()).isEqualTo(200);
    connections().delete("default", connection.connection().id());
    assertUnauthorized(serviceProviderConfig(connection, "Bearer " + connection.bearerToken()));
  }

  @Test
  void afterRotationBothSecretsWorkDuringTheGracePeriod() {
    IssuedConnection original = newConnection();
    IssuedConnection rotated = rotate(original, Optional.of(Duration.ofHours(1)));
    assertThat(serviceProviderConfig(original, "Bearer " + original.bearerToken()).status()).isEqualTo(200);
    assertThat(serviceProviderConfig(original, "Bearer " + rotated.bearerToken()).status()).isEqualTo(200);
  }

  @Test
  void rotationWithoutGraceRevokesTheOldSecretEvenWhenItWasCached() {
    IssuedConnection original = newConnection();
    assertThat(serviceProviderConfig(original, "Bearer " + original.bearerToken()).status()).isEqualTo(200);
    IssuedConnection rotated = rotate(original, Optional.of(Duration.ZERO));
    assertUnauthorized(serviceProviderConfig(original, "Bearer " + original.bearerToken()));
    assertThat(serviceProviderConfig(original, "Bearer " + rotated.bearerToken()).status()).isEqualTo(200);
  }
}
