package dev.scimlambda.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.schema.ScimSchemas;

/**
 * {@link ResourceDocument} for Users: the User schema with the Enterprise User extension. Its
 * rules come from the schema: {@code userName} is required, {@code groups} is read-only, and
 * {@code password} is write-only, so it is type-checked and never stored.
 */
public final class UserDocument {

  private UserDocument() {}

  public static ObjectNode validateForCreate(JsonNode body) {
    return ResourceDocument.validateForCreate(body, ScimSchemas.user());
  }

  public static ObjectNode replace(ObjectNode existing, JsonNode body) {
    return ResourceDocument.replace(existing, body, ScimSchemas.user());
  }

  public static ObjectNode canonicalize(ObjectNode document) {
    return ResourceDocument.canonicalize(document, ScimSchemas.user());
  }
}
