package dev.scimlambda.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScimRequestKindTest {

  @Test
  void resourcesAndOperationsAreNamedAsTheActivityLogNamesThem() {
    assertThat(ScimRequestKind.of("POST", "/Users")).isEqualTo(new ScimRequestKind("Users", "create"));
    assertThat(ScimRequestKind.of("GET", "/Users")).isEqualTo(new ScimRequestKind("Users", "list"));
    assertThat(ScimRequestKind.of("POST", "/Users/.search")).isEqualTo(new ScimRequestKind("Users", "search"));
    assertThat(ScimRequestKind.of("PUT", "/Groups/g1")).isEqualTo(new ScimRequestKind("Groups", "replace"));
    assertThat(ScimRequestKind.of("PATCH", "/Groups/g1")).isEqualTo(new ScimRequestKind("Groups", "patch"));
    assertThat(ScimRequestKind.of("DELETE", "/Users/u1")).isEqualTo(new ScimRequestKind("Users", "delete"));
    assertThat(ScimRequestKind.of("POST", "/Bulk")).isEqualTo(new ScimRequestKind("Bulk", "bulk"));
  }

  @Test
  void theDiscoveryEndpointsAreOneResource() {
    assertThat(ScimRequestKind.of("GET", "/ServiceProviderConfig")).isEqualTo(new ScimRequestKind("Discovery", "get"));
    assertThat(ScimRequestKind.of("GET", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"))
        .isEqualTo(new ScimRequestKind("Discovery", "get"));
    assertThat(ScimRequestKind.of("GET", "/ResourceTypes")).isEqualTo(new ScimRequestKind("Discovery", "get"));
  }

  @Test
  void oddMethodsAndPathsFallIntoOneBucketEach() {
    assertThat(ScimRequestKind.of("BREW", "/Users/u1")).isEqualTo(new ScimRequestKind("Users", "other"));
    assertThat(ScimRequestKind.of("PUT", "/Users")).isEqualTo(new ScimRequestKind("Users", "other"));
    assertThat(ScimRequestKind.of("GET", "/Anything-" + "x".repeat(300))).isEqualTo(new ScimRequestKind("Other", "other"));
    assertThat(ScimRequestKind.of("GET", "")).isEqualTo(new ScimRequestKind("Other", "other"));
  }

  @Test
  void statusClassesAreTheHundreds() {
    assertThat(ScimRequestKind.statusClass(201)).isEqualTo("2xx");
    assertThat(ScimRequestKind.statusClass(304)).isEqualTo("3xx");
    assertThat(ScimRequestKind.statusClass(429)).isEqualTo("4xx");
    assertThat(ScimRequestKind.statusClass(503)).isEqualTo("5xx");
  }
}
