package dev.scimlambda.directorysync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.InvalidInputException;

/**
 * The credentials as the admin API receives them and as the secret stores them: one JSON object
 * with the kind's fields (docs/directory-sync.md lists them). Google's {@code serviceAccountKey} is
 * accepted as the downloaded JSON object or as its text.
 */
public final class DirectoryCredentialsJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DirectoryCredentialsJson() {}

  /** Reads the credential fields of {@code kind} from a request body or a stored secret. */
  public static DirectoryCredentials read(DirectoryKind kind, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("credentials", "credentials must be a JSON object");
    }
    return switch (kind) {
      case MICROSOFT_GRAPH -> new DirectoryCredentials.MicrosoftGraph(
          text(body, "tenantId"), text(body, "clientId"), text(body, "clientSecret"));
      case OKTA_API -> new DirectoryCredentials.Okta(
          text(body, "orgUrl"), text(body, "apiToken"), text(body, "clientId"), keyText(body, "privateKey"));
      case GOOGLE_WORKSPACE -> new DirectoryCredentials.GoogleWorkspace(
          keyText(body, "serviceAccountKey"), text(body, "adminEmail"), text(body, "customerId"));
    };
  }

  /** The secret's text: the kind and its fields. */
  public static String write(DirectoryCredentials credentials) {
    ObjectNode node = MAPPER.createObjectNode().put("kind", credentials.kind().wireName());
    if (credentials instanceof DirectoryCredentials.MicrosoftGraph g) {
      node.put("tenantId", g.tenantId()).put("clientId", g.clientId()).put("clientSecret", g.clientSecret());
    } else if (credentials instanceof DirectoryCredentials.Okta o) {
      node.put("orgUrl", o.orgUrl());
      if (o.serviceApp()) {
        node.put("clientId", o.clientId()).put("privateKey", o.privateKey());
      } else {
        node.put("apiToken", o.apiToken());
      }
    } else if (credentials instanceof DirectoryCredentials.GoogleWorkspace w) {
      node.put("serviceAccountKey", w.serviceAccountKey()).put("adminEmail", w.adminEmail())
          .put("customerId", w.customerId());
    }
    return node.toString();
  }

  /** Reads what {@link #write} stored. */
  public static DirectoryCredentials parse(String secret) {
    JsonNode node;
    try {
      node = MAPPER.readTree(secret);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored directory credentials are not JSON");
    }
    DirectoryKind kind = DirectoryKind.fromWireName(node.path("kind").asText())
        .orElseThrow(() -> new IllegalStateException("stored directory credentials name no kind"));
    return read(kind, node);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(field, field + " must be a string");
    }
    return value.asText();
  }

  private static String keyText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isObject() ? value.toString() : text(body, field);
  }
}
