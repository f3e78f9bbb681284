package dev.scimlambda.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.scimlambda.connection.SecretStore;
import dev.scimlambda.httpapi.HttpApiEvents;
import dev.scimlambda.runtime.metrics.InvocationMetrics;
import dev.scimlambda.secrets.CachingSecretStore;
import dev.scimlambda.secrets.LazySecretStore;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Lambda snapshots a function after its init and restores every new instance from
 * that snapshot, so what init leaves loaded, linked and compiled is free for the first IdP request.
 * Init alone builds the beans (Micronaut creates every singleton eagerly in Lambda); priming also runs
 * requests through the handler, so routing, filters, Jackson, the SDK's request marshalling and signing
 * and an HTTP round trip to DynamoDB are in the snapshot too. The requests carry no valid secret and
 * name a random connection: they read one absent item and write nothing.
 *
 * <p>Priming counts no metric ({@link InvocationMetrics#discardingDuring}). Then every cached secret
 * is forgotten: a snapshot is shared by all instances restored from it and must hold none (an admin
 * request's 401 has read the admin token). After restore the caches fill again from Secrets Manager
 * on first use; there is nothing else to re-resolve, as the SDK's URL-connection client keeps no pool
 * of its own and the JDK drops idle keep-alive sockets after 5 s.
 *
 * <p>On a JVM without CRaC (tests, the embedded stack, a function without SnapStart) registration
 * does nothing and the hooks are never called.
 */
public final class SnapshotPriming {

  /** The bearer secret of every priming request; it matches no connection's. */
  static final String PRIMING_BEARER = "snapstart-priming";

  private SnapshotPriming() {}

  /** Registers {@code handler}'s hooks with the JVM's checkpoint; the handler must stay reachable. */
  public static void register(Resource handler) {
    Core.getGlobalContext().register(handler);
  }

  /** An unauthenticated request to {@code routePrefix + path} of a connection that does not exist. */
  public static APIGatewayV2HTTPEvent request(String method, String routePrefix, String path, String rawQuery) {
    String connection = "priming-" + UUID.randomUUID();
    return HttpApiEvents.request(method, routePrefix + path.replace("{connection}", connection), rawQuery,
        Map.of("authorization", List.of("Bearer " + PRIMING_BEARER)), new byte[0], routePrefix, "127.0.0.1");
  }

  /** Sends each request through {@code handler} (as Lambda would, without a Lambda context), then {@link #forgetSecrets}. */
  public static void prime(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
      ApplicationContext context, List<APIGatewayV2HTTPEvent> requests) {
    withoutMetrics(context, () -> {
      for (APIGatewayV2HTTPEvent request : requests) {
        handler.handleRequest(request, null);
      }
    });
    forgetSecrets(context);
  }

  /** Runs {@code priming} counting no metric: its requests are not traffic an operator should see. */
  public static void withoutMetrics(ApplicationContext context, Runnable priming) {
    context.findBean(InvocationMetrics.class).ifPresentOrElse(metrics -> metrics.discardingDuring(priming), priming);
  }

  /**
   * Builds the secret store (the Secrets Manager client) if priming did not, so a restored instance
   * does not pay for it on its first request, and empties its cache: the snapshot holds no secret.
   */
  public static void forgetSecrets(ApplicationContext context) {
    context.findBean(SecretStore.class).ifPresent(store -> {
      if (store instanceof LazySecretStore lazy) {
        lazy.prepare();
        lazy.clear();
      } else if (store instanceof CachingSecretStore caching) {
        caching.clear();
      }
    });
  }
}
