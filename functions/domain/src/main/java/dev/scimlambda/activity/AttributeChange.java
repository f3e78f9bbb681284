package dev.scimlambda.activity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One changed attribute of a resource, with its values already redacted.
 *
 * @param path a SCIM-style path: {@code name.givenName}, {@code emails[type eq "work"].value},
 *     {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}
 * @param op {@code add}, {@code remove} or {@code replace}
 * @param from the redacted old value, null when added
 * @param to the redacted new value, null when removed
 */
public record AttributeChange(String path, String op, JsonNode from, JsonNode to) {}
