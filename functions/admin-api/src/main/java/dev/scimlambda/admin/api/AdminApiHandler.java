package dev.scimlambda.admin.api;

import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.secrets.SecretsManagerSecretStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Set;

/** Lambda entry point behind {@code /admin/v1/{proxy+}}: workspaces and directory connections. */
public class AdminApiHandler extends APIGatewayV2HTTPEventFunction {

  public static final FunctionManifest MANIFEST =
      new FunctionManifest(
          AdminApiHandler.class.getName(),
          Set.of(
              Setting.TABLE_NAME,
              Setting.SECRET_PREFIX,
              Setting.ADMIN_TOKEN_SECRET_ID,
              Setting.PUBLIC_BASE_URL,
              Setting.SECRET_ROTATION_GRACE,
              Setting.ACTIVITY_RETENTION_DAYS),
          FunctionManifest.union(TableAccess.IAM_ACTIONS, SecretsManagerSecretStore.IAM_ACTIONS));

  /** Used by Lambda. */
  public AdminApiHandler() {
    super();
  }

  /** Used by the embedded stack and the tests, which run several handlers on one context. */
  public AdminApiHandler(ApplicationContext context) {
    super(context);
  }
}
