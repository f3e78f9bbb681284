package dev.scimlambda.workspace;

import java.time.Instant;

/**
 * A customer's account in the host app: its people, seats and identity settings. Directory
 * connections belong to one workspace.
 *
 * @param seatLimit null means unlimited
 * @param version optimistic-concurrency counter, bumped by every write
 */
public record Workspace(
    String id,
    String name,
    Integer seatLimit,
    IdentitySettings identitySettings,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
