package dev.scimlambda.scim.groups;

import java.util.List;

/**
 * A group with its members when they were read or written, else null: a read with
 * {@code excludedAttributes=members} never touches the membership items.
 */
public record GroupView(ScimGroup group, List<Member> members) {}
