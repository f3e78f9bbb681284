package dev.scimlambda.directorysync;

import dev.scimlambda.connection.IdpType;
import java.util.Arrays;
import java.util.Optional;

/**
 * A directory we read through the IdP's own API (a "Directory Sync provider"), as opposed to the
 * SCIM connection types, where the IdP pushes to us.
 */
public enum DirectoryKind {
  MICROSOFT_GRAPH("microsoft_graph", "Microsoft Entra ID (Microsoft Graph)", true),
  OKTA_API("okta_api", "Okta API", true),
  GOOGLE_WORKSPACE("google_workspace", "Google Workspace (Admin SDK Directory API)", false);

  private final String wireName;
  private final String displayName;
  private final boolean incremental;

  DirectoryKind(String wireName, String displayName, boolean incremental) {
    this.wireName = wireName;
    this.displayName = displayName;
    this.incremental = incremental;
  }

  /** The connection {@code type} in the admin API. */
  public String wireName() {
    return wireName;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * Whether the API can tell us what changed since a position (Graph delta links, Okta's
   * {@code lastUpdated gt}); Google's Directory API cannot, so every Google run is a full pass
   * compared against the content hashes of the last one.
   */
  public boolean incremental() {
    return incremental;
  }

  /** The connection type of this kind: the admin API's {@code type} is the same word. */
  public IdpType idpType() {
    return IdpType.fromWireName(wireName).orElseThrow();
  }

  /** The kind of a pull connection's type; empty for the SCIM types. */
  public static Optional<DirectoryKind> of(IdpType type) {
    return fromWireName(type.wireName());
  }

  public static Optional<DirectoryKind> fromWireName(String value) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(value)).findFirst();
  }
}
