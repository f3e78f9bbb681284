package dev.scimlambda.scim.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.patch.ScimPatch;
import dev.scimlambda.scim.resource.ResourceDocument;
import dev.scimlambda.scim.schema.ResourceSchema;

/** The document rules of one resource type, driven by its schema. */
public final class SchemaDocumentRules implements DocumentRules {

  private final ResourceSchema schema;

  public SchemaDocumentRules(ResourceSchema schema) {
    this.schema = schema;
  }

  @Override
  public ObjectNode forCreate(JsonNode body) {
    return ResourceDocument.validateForCreate(body, schema);
  }

  @Override
  public ObjectNode forReplace(ObjectNode current, JsonNode body) {
    return ResourceDocument.replace(current, body, schema);
  }

  /**
   * {@link ScimPatch#apply} checks the required attributes and canonicalises the result like a
   * created document, so PATCH cannot smuggle in what POST refuses; done there, once.
   */
  @Override
  public ObjectNode patch(ObjectNode current, JsonNode patchRequest) {
    return ScimPatch.apply(current, patchRequest, schema);
  }
}
