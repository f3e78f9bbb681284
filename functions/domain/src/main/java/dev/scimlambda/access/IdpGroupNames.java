package dev.scimlambda.access;

/**
 * The groups an IdP has pushed to a connection, by display name: what the access view checks its
 * names against. A port: the SCIM groups implement it in the wiring, so access rules (which app
 * users depend on) do not depend on the SCIM endpoints.
 */
@FunctionalInterface
public interface IdpGroupNames {

  /** Whether a group of the connection has this display name, normalised as {@link AccessGroups#key}. */
  boolean exists(String connectionId, String displayNameKey);
}
