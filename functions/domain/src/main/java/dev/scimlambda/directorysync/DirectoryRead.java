package dev.scimlambda.directorysync;

/**
 * What the engine asks a provider for: one page of users or of groups.
 *
 * @param kind full pass or changes only
 * @param position null to start the pass (a full pass from the beginning; an incremental pass from
 *     {@code resumeFrom} of the previous pass's last page, which the engine passes here instead);
 *     otherwise a {@link DirectoryPage#next()} this provider returned
 * @param selection the connection's group selection; providers read only these groups where their
 *     API can filter, and the engine drops the rest either way
 */
public record DirectoryRead(SyncKind kind, String position, GroupSelection selection) {}
