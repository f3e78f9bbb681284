package dev.scimlambda.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A SCIM group as one image of the table's stream shows it, without its members. */
public record GroupSnapshot(String id, ObjectNode document) {}
