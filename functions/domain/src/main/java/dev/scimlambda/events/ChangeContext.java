package dev.scimlambda.events;

import java.time.Instant;

/**
 * Where an item change came from.
 *
 * @param recordId identifies the change in the table's stream (its sequence number); a replayed
 *     record carries the same one, which is what makes event ids stable
 * @param occurredAt when the table recorded the change
 * @param source the CloudEvents source of the deployment, {@code scim-lambda.<stage>} (see
 *     {@link DirectoryEvent#source(String)}), so two stages on one bus can be told apart
 */
public record ChangeContext(String recordId, Instant occurredAt, String workspaceId, String connectionId, String source) {}
