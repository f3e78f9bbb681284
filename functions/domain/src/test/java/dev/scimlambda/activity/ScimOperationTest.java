package dev.scimlambda.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a SCIM request is named in the activity log. */
class ScimOperationTest {

  @Test
  void resourceRequestsAreNamedByVerbAndResourceType() {
    assertThat(ScimOperation.of("POST", "/Users")).isEqualTo(new ScimOperation("create User", "User", null, false));
    assertThat(ScimOperation.of("GET", "/Users")).isEqualTo(new ScimOperation("list Users", "User", null, true));
    assertThat(ScimOperation.of("POST", "/Groups/.search")).isEqualTo(new ScimOperation("search Groups", "Group", null, true));
    assertThat(ScimOperation.of("GET", "/Users/42")).isEqualTo(new ScimOperation("get User", "User", "42", true));
    assertThat(ScimOperation.of("PUT", "/Groups/7")).isEqualTo(new ScimOperation("replace Group", "Group", "7", false));
    assertThat(ScimOperation.of("PATCH", "/Groups/7")).isEqualTo(new ScimOperation("patch Group", "Group", "7", false));
    assertThat(ScimOperation.of("DELETE", "/Users/42")).isEqualTo(new ScimOperation("delete User", "User", "42", false));
  }

  @Test
  void discoveryBulkAndUnknownEndpointsAreNamedWithoutTakingValuesFromThePath() {
    assertThat(ScimOperation.of("GET", "/Schemas/urn:x").name()).isEqualTo("get Schemas");
    assertThat(ScimOperation.of("POST", "/Bulk").name()).isEqualTo("bulk");
    assertThat(ScimOperation.of("GET", "/ada@example.com").name()).isEqualTo("GET unknown endpoint");
  }
}
