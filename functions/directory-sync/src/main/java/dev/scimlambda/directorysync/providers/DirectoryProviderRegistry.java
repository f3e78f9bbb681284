package dev.scimlambda.directorysync.providers;

import dev.scimlambda.directorysync.DirectoryCredentials;
import dev.scimlambda.directorysync.DirectoryKind;
import dev.scimlambda.directorysync.DirectoryProvider;
import dev.scimlambda.directorysync.DirectoryProviderException;
import dev.scimlambda.directorysync.DirectoryProviders;
import dev.scimlambda.directorysync.google.GoogleWorkspaceProvider;
import dev.scimlambda.directorysync.graph.GraphDirectory;
import dev.scimlambda.directorysync.http.DirectoryEndpoints;
import dev.scimlambda.directorysync.http.DirectoryHttp;
import dev.scimlambda.directorysync.okta.OktaProvider;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The providers of this module by kind (in a package of its own: it depends on every provider
 * package, which depend on the domain's {@code directorysync} package). Each open builds a provider for one run, from the
 * credentials read at the run's start (nothing connection-specific is held between runs).
 */
public final class DirectoryProviderRegistry implements DirectoryProviders {

  private final Map<DirectoryKind, Function<DirectoryCredentials, DirectoryProvider>> providers =
      new EnumMap<>(DirectoryKind.class);

  public DirectoryProviderRegistry(DirectoryEndpoints endpoints, DirectoryHttp http, Clock clock) {
    providers.put(DirectoryKind.MICROSOFT_GRAPH, credentials ->
        new GraphDirectory((DirectoryCredentials.MicrosoftGraph) credentials, endpoints, http, clock));
    providers.put(DirectoryKind.OKTA_API, credentials ->
        new OktaProvider((DirectoryCredentials.Okta) credentials, endpoints, http, clock));
    providers.put(DirectoryKind.GOOGLE_WORKSPACE, credentials ->
        new GoogleWorkspaceProvider((DirectoryCredentials.GoogleWorkspace) credentials, endpoints, http, clock));
  }

  @Override
  public DirectoryProvider open(DirectoryCredentials credentials) {
    Function<DirectoryCredentials, DirectoryProvider> factory = providers.get(credentials.kind());
    if (factory == null) {
      throw new DirectoryProviderException.ProviderError(0,
          "this deployment cannot read " + credentials.kind().displayName() + " yet", null);
    }
    return factory.apply(credentials);
  }
}
