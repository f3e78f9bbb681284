package dev.scimlambda.scim.api;

import dev.scimlambda.scim.discovery.Discovery;
import dev.scimlambda.scim.discovery.ScimCapabilities;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;

@Factory
public class ScimWiring {

  @Singleton
  Discovery discovery() {
    return new Discovery(ScimCapabilities.CURRENT, List.of());
  }
}
