package dev.scimlambda.runtime;

import jakarta.inject.Singleton;

/** A connection's SCIM base URL as the IdP knows it, the root of every {@code meta.location}. */
@Singleton
public final class ScimBaseUrl {

  private final Settings settings;

  public ScimBaseUrl(Settings settings) {
    this.settings = settings;
  }

  public String of(String connectionId) {
    return settings.require(Setting.PUBLIC_BASE_URL) + "/scim/v2/" + connectionId;
  }
}
