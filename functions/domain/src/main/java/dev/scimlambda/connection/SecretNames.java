package dev.scimlambda.connection;

/**
 * Names of the secrets this deployment owns. Every name starts with one prefix (per stack and
 * stage), which is what the IAM policy is scoped to.
 */
public record SecretNames(String prefix) {

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

  public String adminToken() {
    return prefix + "/admin-token";
  }
}
