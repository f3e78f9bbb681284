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

  /** The patched document is canonicalised like a created one, so PATCH cannot smuggle in what POST refuses. */
  @Override
  public ObjectNode patch(ObjectNode current, JsonNode patchRequest) {
    ObjectNode patched = ScimPatch.apply(current, patchRequest, schema);
    ResourceDocument.requireRequiredAttributes(patched, schema);
    return ResourceDocument.canonicalize(patched, schema);
  }
}
