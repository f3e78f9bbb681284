package dev.scimlambda.directorysync;

import dev.scimlambda.problem.InvalidInputException;

/**
 * What a connection's provider signs in with, one record per kind. Stored as one secret per
 * connection (see {@link DirectoryCredentialsJson}); read at the start of each run, never at init,
 * never logged, never returned by the admin API.
 */
public sealed interface DirectoryCredentials {

  DirectoryKind kind();

  /** An Entra ID app registration with User.Read.All, Group.Read.All, GroupMember.Read.All (application). */
  record MicrosoftGraph(String tenantId, String clientId, String clientSecret) implements DirectoryCredentials {
    public MicrosoftGraph {
      required("tenantId", tenantId, 256);
      required("clientId", clientId, 256);
      required("clientSecret", clientSecret, 1_024);
    }

    @Override
    public DirectoryKind kind() {
      return DirectoryKind.MICROSOFT_GRAPH;
    }
  }

  /**
   * The Okta API, either with an API token (SSWS) or as an OAuth service app signing a client
   * assertion with its private key (PEM or JWK); exactly one of {@code apiToken} and the
   * {@code clientId}+{@code privateKey} pair. The org URL is checked by the provider (https only).
   */
  record Okta(String orgUrl, String apiToken, String clientId, String privateKey) implements DirectoryCredentials {
    public Okta {
      required("orgUrl", orgUrl, 512);
      boolean token = apiToken != null;
      boolean serviceApp = clientId != null || privateKey != null;
      if (token == serviceApp) {
        throw new InvalidInputException("apiToken", "give either apiToken, or clientId and privateKey");
      }
      if (token) {
        required("apiToken", apiToken, 1_024);
      } else {
        required("clientId", clientId, 256);
        required("privateKey", privateKey, 16_384);
      }
    }

    public boolean serviceApp() {
      return apiToken == null;
    }

    @Override
    public DirectoryKind kind() {
      return DirectoryKind.OKTA_API;
    }
  }

  /**
   * A Google service account with domain-wide delegation for the Directory API's read-only user and
   * group scopes, acting as {@code adminEmail}; {@code customerId} is {@code my_customer} or the
   * account's {@code C0…} id.
   */
  record GoogleWorkspace(String serviceAccountKey, String adminEmail, String customerId)
      implements DirectoryCredentials {
    public GoogleWorkspace {
      required("serviceAccountKey", serviceAccountKey, 16_384);
      required("adminEmail", adminEmail, 320);
      required("customerId", customerId, 128);
    }

    @Override
    public DirectoryKind kind() {
      return DirectoryKind.GOOGLE_WORKSPACE;
    }
  }

  private static void required(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, field + " is required");
    }
    if (value.length() > maxLength) {
      throw new InvalidInputException(field, field + " is at most " + maxLength + " characters");
    }
  }
}
