package dev.scimlambda.connection;

/**
 * Names of the secrets this deployment owns. Every name starts with one prefix (per stack and
 * stage), which is what the IAM policy is scoped to.
 */
public record SecretNames(String prefix) {

  // Each kind of secret as an IAM resource pattern relative to the prefix: function roles are
  // granted per kind, so the SCIM function cannot read the admin token or webhook secrets.

  /** Every {@link #connection} name. */
  public static final String CONNECTIONS = "connections/*";

  /** Every {@link #webhook} name. */
  public static final String WEBHOOKS = "webhooks/*";

  /** Every {@link #directoryCredentials} name: only the sync function and the admin API read these. */
  public static final String DIRECTORY_CREDENTIALS = "directory-credentials/*";

  /** The {@link #adminToken} name. */
  public static final String ADMIN_TOKEN = "admin-token";

  public SecretNames {
    if (prefix == null || prefix.isBlank() || prefix.endsWith("/")) {
      throw new IllegalArgumentException("secret prefix must be non-empty and must not end with '/'");
    }
  }

  public String connection(String connectionId) {
    return prefix + "/connections/" + connectionId;
  }

  /** {@code webhookId} is new for each webhook created, see {@code dev.scimlambda.events.Webhook}. */
  public String webhook(String workspaceId, String webhookId) {
    return prefix + "/webhooks/" + workspaceId + "/" + webhookId;
  }

  /** The credentials we read a pull connection's directory with (Graph, Okta, Google). */
  public String directoryCredentials(String connectionId) {
    return prefix + "/directory-credentials/" + connectionId;
  }

  public String adminToken() {
    return prefix + "/admin-token";
  }
}
