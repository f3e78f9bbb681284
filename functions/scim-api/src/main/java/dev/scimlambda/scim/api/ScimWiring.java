package dev.scimlambda.scim.api;

import dev.scimlambda.scim.discovery.Discovery;
import dev.scimlambda.scim.discovery.ScimCapabilities;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;

@Factory
public class ScimWiring {

  @Singleton
  ScimCapabilities capabilities() {
    return ScimCapabilities.CURRENT;
  }

  @Singleton
  Discovery discovery(ScimCapabilities capabilities) {
    return new Discovery(capabilities, List.of());
  }
}
