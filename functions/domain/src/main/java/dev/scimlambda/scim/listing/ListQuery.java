package dev.scimlambda.scim.listing;

import java.util.List;

/**
 * A list or search request (RFC 7644 §3.4.2-3.4.3, RFC 9865 cursors), as sent: absent parameters
 * are null.
 */
public record ListQuery(
    String filter,
    String sortBy,
    String sortOrder,
    Long startIndex,
    Integer count,
    String cursor,
    List<String> attributes,
    List<String> excludedAttributes) {}
