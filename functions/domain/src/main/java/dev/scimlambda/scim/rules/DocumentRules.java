package dev.scimlambda.scim.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The SCIM rules a resource document obeys when it is created, replaced (PUT) or patched: schema
 * validation, mutability and the PATCH semantics of RFC 7644 §3.5. Each method returns the new
 * document (without {@code id} and {@code meta}, which the server owns) or throws the {@link
 * dev.scimlambda.problem.Problem} a client gets.
 */
public interface DocumentRules {

  ObjectNode forCreate(JsonNode body);

  ObjectNode forReplace(ObjectNode current, JsonNode body);

  ObjectNode patch(ObjectNode current, JsonNode patchRequest);
}
