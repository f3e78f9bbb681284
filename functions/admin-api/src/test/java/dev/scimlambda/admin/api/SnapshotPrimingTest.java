package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.secrets.LocalFileSecretStore;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.TestStack;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming (the CRaC hooks Lambda calls around the snapshot) leaves no secret in the
 * snapshot: its 401 reads the admin token, and a restored function must read it again.
 */
class SnapshotPrimingTest {

  @Test
  void aSecretReadWhilePrimingIsReadAgainAfterRestore() {
    try (TestStack stack = TestStack.start()) {
      AdminApiHandler handler = new AdminApiHandler(stack.context());
      handler.beforeCheckpoint(null);

      // Changed behind the cache's back, as another instance's rotation would be.
      new LocalFileSecretStore(stack.secretsFile())
          .putVersion(new SecretNames(TestStack.SECRET_PREFIX).adminToken(), "v2", "admin-token-after-restore");
      handler.afterRestore(null);

      assertThat(ApiCall.of("GET", "/admin/v1/workspaces").bearer("admin-token-after-restore").invoke(handler).status())
          .isEqualTo(200);
    }
  }
}
