package dev.scimlambda.scim.api;

import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.HashSet;
import java.util.Set;

/** Lambda entry point behind {@code /scim/v2/{proxy+}}: the SCIM endpoints of every connection. */
public class ScimApiHandler extends APIGatewayV2HTTPEventFunction {

  public static final FunctionManifest MANIFEST =
      new FunctionManifest(
          ScimApiHandler.class.getName(),
          Set.of(Setting.TABLE_NAME, Setting.SECRET_PREFIX, Setting.PUBLIC_BASE_URL, Setting.ACTIVITY_RETENTION_DAYS),
          FunctionManifest.union(TableAccess.IAM_ACTIONS, Set.of("secretsmanager:GetSecretValue")));

  /** Used by Lambda. */
  public ScimApiHandler() {
    super();
  }

  /** Used by the embedded stack and the tests, which run several handlers on one context. */
  public ScimApiHandler(ApplicationContext context) {
    super(context);
  }
}
