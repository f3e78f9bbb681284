package dev.scimlambda.admin.api;

import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.SnapshotPriming;
import dev.scimlambda.secrets.SecretsManagerSecretStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.List;
import java.util.Set;
import org.crac.Context;
import org.crac.Resource;

/** Lambda entry point behind {@code /admin/v1/{proxy+}}: workspaces and directory connections. */
public class AdminApiHandler extends APIGatewayV2HTTPEventFunction implements Resource {

  public static final FunctionManifest MANIFEST =
      new FunctionManifest(
          AdminApiHandler.class.getName(),
          Set.of(
              Setting.TABLE_NAME,
              Setting.SECRET_PREFIX,
              Setting.ADMIN_TOKEN_SECRET_ID,
              Setting.ADMIN_JWT_ISSUER,
              Setting.ADMIN_JWT_AUDIENCE,
              Setting.ADMIN_JWKS,
              Setting.ADMIN_WORKSPACES_CLAIM,
              Setting.PUBLIC_BASE_URL,
              Setting.SECRET_ROTATION_GRACE,
              Setting.ACTIVITY_RETENTION_DAYS,
              Setting.EVENT_BUS_NAME,
              Setting.STAGE,
              Setting.WEBHOOK_OUTBOX_QUEUE_URL,
              Setting.SYNC_QUEUE_URL),
          FunctionManifest.union(TableAccess.IAM_ACTIONS, SecretsManagerSecretStore.IAM_ACTIONS))
      // Issues, rotates and deletes connection tokens and webhook signing secrets; reads the admin
      // token, which no other function may.
      .withSecretActions(SecretNames.CONNECTIONS, SecretsManagerSecretStore.IAM_ACTIONS)
      .withSecretActions(SecretNames.WEBHOOKS, SecretsManagerSecretStore.IAM_ACTIONS)
      .withSecretActions(SecretNames.DIRECTORY_CREDENTIALS, SecretsManagerSecretStore.IAM_ACTIONS)
      .withSecretActions(SecretNames.ADMIN_TOKEN, Set.of("secretsmanager:GetSecretValue"));

  /** Used by Lambda. */
  public AdminApiHandler() {
    super();
    SnapshotPriming.register(this);
  }

  /** Used by the embedded stack and the tests, which run several handlers on one context. */
  public AdminApiHandler(ApplicationContext context) {
    super(context);
  }

  /**
   * SnapStart: the request path primed before the snapshot (see {@link SnapshotPriming}). The 401 reads
   * the admin token, which priming then forgets.
   */
  @Override
  public void beforeCheckpoint(Context<? extends Resource> checkpoint) {
    SnapshotPriming.prime(this, getApplicationContext(), List.of(
        SnapshotPriming.request("GET", "/admin/v1/", "workspaces", "")));
  }

  @Override
  public void afterRestore(Context<? extends Resource> restore) {
    // Nothing to re-resolve: secrets were forgotten before the snapshot and are read again on use.
  }
}
