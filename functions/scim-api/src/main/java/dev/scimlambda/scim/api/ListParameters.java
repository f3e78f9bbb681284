package dev.scimlambda.scim.api;

import dev.scimlambda.scim.listing.ListQuery;
import dev.scimlambda.scim.query.AttributeList;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

/** The query parameters of a list request (RFC 7644 §3.4.2, RFC 9865), bound once for every resource endpoint. */
@Introspected
public record ListParameters(
    @Nullable @QueryValue String filter,
    @Nullable @QueryValue String sortBy,
    @Nullable @QueryValue String sortOrder,
    @Nullable @QueryValue String startIndex,
    @Nullable @QueryValue String count,
    @Nullable @QueryValue String cursor,
    @Nullable @QueryValue String attributes,
    @Nullable @QueryValue String excludedAttributes) {

  ListQuery toQuery() {
    return new ListQuery(filter, sortBy, sortOrder, QueryParameters.positiveLong("startIndex", startIndex),
        QueryParameters.integer("count", count), cursor, AttributeList.parse(attributes),
        AttributeList.parse(excludedAttributes));
  }
}
