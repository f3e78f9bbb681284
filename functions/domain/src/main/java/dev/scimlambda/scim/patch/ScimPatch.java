package dev.scimlambda.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.resource.ResourceDocument;
import dev.scimlambda.scim.schema.ResourceSchema;

/**
 * SCIM PATCH (RFC 7644 §3.5.2) on a resource document, checked against its schemas.
 *
 * <p>What the RFC leaves open, and what identity providers need, is decided as follows:
 *
 * <ul>
 *   <li>{@code op} values and member names are case-insensitive (Entra sends "Add", "Replace",
 *       "Remove"); attribute names too, and are written in the schema's casing.
 *   <li>A path-less value's keys may be attribute names, dotted sub-attribute paths
 *       ({@code "name.givenName"}), URN-qualified attributes, extension URNs holding objects, even
 *       filtered paths: each key is applied as if it were the operation's path.
 *   <li>add and replace on a filtered path that matches nothing create the value, with the
 *       filter's equalities ({@code emails[type eq "work"].value}); a filter that is not made of
 *       equalities then fails with noTarget. remove on a filter that matches nothing does
 *       nothing; remove without a path fails with noTarget.
 *   <li>An operation on a read-only attribute fails with mutability, except that a path-less
 *       value may repeat a read-only value unchanged. Changing or removing an immutable
 *       attribute that has a value fails with mutability. Write-only attributes (password) are
 *       type-checked and dropped.
 *   <li>Values are type-checked like POST and PUT bodies ({@code "True"}/{@code "False"} strings
 *       are booleans); setting null, or an empty array, leaves the attribute unassigned.
 *   <li>Extensions the schemas do not know are custom extensions, kept and returned as sent;
 *       attributes the core schema does not define fail with invalidPath.
 *   <li>{@code primary: true} on one value makes the others non-primary (RFC 7643 §2.4).
 *   <li>Removing the {@code value} of a multi-valued attribute's value removes that value whole,
 *       and {@code remove} on a multi-valued path with a {@code value} (Entra's member removal)
 *       removes only the values listed.
 * </ul>
 */
public final class ScimPatch {

  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private ScimPatch() {}

  /**
   * The resource after every operation of {@code patchRequestBody}, in order. All or nothing: the
   * operations work on a copy, and {@code resource} is never modified.
   *
   * @return a new document, canonicalised as {@link ResourceDocument#canonicalize}
   * @throws InvalidInputException 400 with the RFC 7644 §3.12 scimType of the first operation that fails
   */
  public static ObjectNode apply(ObjectNode resource, JsonNode patchRequestBody, ResourceSchema schema) {
    var operations = PatchOperation.parse(patchRequestBody);
    ObjectNode working = resource.deepCopy();
    Patcher patcher = new Patcher(working, schema);
    operations.forEach(patcher::apply);
    ResourceDocument.requireRequiredAttributes(working, schema);
    return ResourceDocument.canonicalize(working, schema);
  }
}
