package dev.scimlambda.scim.api;

import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.persistence.TableAccess;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.runtime.SnapshotPriming;
import dev.scimlambda.scim.query.ScimFilters;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.List;
import java.util.Set;
import org.crac.Context;
import org.crac.Resource;

/** Lambda entry point behind {@code /scim/v2/{proxy+}}: the SCIM endpoints of every connection. */
public class ScimApiHandler extends APIGatewayV2HTTPEventFunction implements Resource {

  public static final FunctionManifest MANIFEST =
      new FunctionManifest(
          ScimApiHandler.class.getName(),
          Set.of(Setting.TABLE_NAME, Setting.SECRET_PREFIX, Setting.PUBLIC_BASE_URL, Setting.ACTIVITY_RETENTION_DAYS),
          FunctionManifest.union(TableAccess.IAM_ACTIONS, Set.of("secretsmanager:GetSecretValue")))
      // Authenticates identity providers with their connection's bearer token; no other secret.
      .withSecretActions(SecretNames.CONNECTIONS, Set.of("secretsmanager:GetSecretValue"));

  /** Used by Lambda. */
  public ScimApiHandler() {
    super();
    SnapshotPriming.register(this);
  }

  /** Used by the embedded stack and the tests, which run several handlers on one context. */
  public ScimApiHandler(ApplicationContext context) {
    super(context);
  }

  /** SnapStart: the request path primed before the snapshot (see {@link SnapshotPriming}). */
  @Override
  public void beforeCheckpoint(Context<? extends Resource> checkpoint) {
    // Priming never passes authentication, so the filter parser behind it is primed directly.
    ScimFilters.parse("userName eq \"priming\" and active eq true");
    SnapshotPriming.prime(this, getApplicationContext(), List.of(
        SnapshotPriming.request("GET", "/scim/v2/", "{connection}/Users", "filter=userName%20eq%20%22priming%22"),
        SnapshotPriming.request("GET", "/scim/v2/", "{connection}/Groups", "")));
  }

  @Override
  public void afterRestore(Context<? extends Resource> restore) {
    // Nothing to re-resolve: secrets were forgotten before the snapshot and are read again on use.
  }
}
