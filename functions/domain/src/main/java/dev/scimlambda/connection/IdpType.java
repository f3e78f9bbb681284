package dev.scimlambda.connection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The identity provider on the other end of a connection. The SCIM types push to us (and decide
 * which SCIM dialect we expect); the pull types are directories we read through their own API
 * (Directory Sync, {@code dev.scimlambda.directorysync}), and have no SCIM endpoint or bearer secret.
 */
public enum IdpType {
  OKTA("Okta", false),
  AZURE("Microsoft Entra ID (Azure AD)", false),
  ONELOGIN("OneLogin", false),
  JUMPCLOUD("JumpCloud", false),
  GENERIC("Generic SCIM v2", false),
  MICROSOFT_GRAPH("Microsoft Entra ID (Microsoft Graph)", true),
  OKTA_API("Okta API", true),
  GOOGLE_WORKSPACE("Google Workspace (Admin SDK Directory API)", true);

  private final String displayName;
  private final boolean pull;

  IdpType(String displayName, boolean pull) {
    this.displayName = displayName;
    this.pull = pull;
  }

  /** Whether we read this directory (Directory Sync) rather than it pushing SCIM to us. */
  public boolean pull() {
    return pull;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<IdpType> fromWireName(String value) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
  }
}
