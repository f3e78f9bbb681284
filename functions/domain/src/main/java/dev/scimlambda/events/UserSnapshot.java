package dev.scimlambda.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A SCIM user as one image of the table's stream shows it.
 *
 * @param appUserId the host app's user this SCIM identity belongs to
 */
public record UserSnapshot(String id, String appUserId, boolean active, ObjectNode document) {}
