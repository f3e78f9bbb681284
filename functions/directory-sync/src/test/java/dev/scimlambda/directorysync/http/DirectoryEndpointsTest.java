package dev.scimlambda.directorysync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimlambda.problem.InvalidInputException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin's Okta org URL is called with a credential: only https, only the address itself. */
class DirectoryEndpointsTest {

  private static final DirectoryEndpoints LOCAL = DirectoryEndpoints.fromEnvironment(
      Map.of("SCIM_SYNC_ALLOW_LOOPBACK_HTTP", "true"));

  @Test
  void anHttpsOrgUrlIsCalledAsGiven() {
    assertThat(DirectoryEndpoints.PUBLIC.oktaOrg("https://acme.okta.com/")).isEqualTo(URI.create("https://acme.okta.com"));
  }

  @Test
  void plainHttpIsRefusedInAws() {
    assertThatThrownBy(() -> DirectoryEndpoints.PUBLIC.oktaOrg("http://127.0.0.1:8080"))
        .isInstanceOf(InvalidInputException.class).hasMessage("orgUrl must use https");
  }

  @Test
  void plainHttpToLoopbackIsAllowedWhereTheSettingSaysSo() {
    assertThat(LOCAL.oktaOrg("http://127.0.0.1:8080")).isEqualTo(URI.create("http://127.0.0.1:8080"));
  }

  @Test
  void plainHttpToAnyOtherHostIsRefusedEvenLocally() {
    assertThatThrownBy(() -> LOCAL.oktaOrg("http://169.254.169.254")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> LOCAL.oktaOrg("http://internal.example")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aPathQueryOrUserInfoIsRefused() {
    assertThatThrownBy(() -> DirectoryEndpoints.PUBLIC.oktaOrg("https://acme.okta.com/api/v1"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> DirectoryEndpoints.PUBLIC.oktaOrg("https://user@acme.okta.com"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> DirectoryEndpoints.PUBLIC.oktaOrg("https://acme.okta.com?x=1"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void configuredBaseUrlsReplaceThePublicOnes() {
    DirectoryEndpoints endpoints = DirectoryEndpoints.fromEnvironment(Map.of("SCIM_SYNC_GRAPH_API_URL",
        "http://127.0.0.1:9/v1.0/"));
    assertThat(endpoints.graphApi()).isEqualTo(URI.create("http://127.0.0.1:9/v1.0"));
    assertThat(endpoints.graphLogin()).isEqualTo(DirectoryEndpoints.PUBLIC.graphLogin());
  }
}
