package dev.scimlambda.runtime;

import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Reads {@link Setting}s, from environment variables in Lambda and from properties in local runs. */
@Singleton
public final class Settings {

  private final PropertyResolver properties;

  public Settings(PropertyResolver properties) {
    this.properties = properties;
  }

  public Optional<String> optional(Setting setting) {
    return properties.get(setting.property(), String.class).filter(v -> !v.isBlank());
  }

  /** The deployment's stage; the embedded stack sets none and is {@value #LOCAL_STAGE}. */
  public String stage() {
    return optional(Setting.STAGE).orElse(LOCAL_STAGE);
  }

  public static final String LOCAL_STAGE = "local";

  public String require(Setting setting) {
    return optional(setting)
        .orElseThrow(() -> new IllegalStateException(
            "missing setting: environment variable " + setting.environmentVariable()
                + " (property " + setting.property() + ")"));
  }
}
