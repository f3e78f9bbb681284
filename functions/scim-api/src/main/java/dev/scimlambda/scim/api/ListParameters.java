package dev.scimlambda.scim.api;

import dev.scimlambda.scim.listing.ListQuery;
import dev.scimlambda.scim.query.AttributeList;

/** The query parameters of a list request (RFC 7644 §3.4.2, RFC 9865), read once for every resource endpoint. */
record ListParameters(
    String filter,
    String sortBy,
    String sortOrder,
    String startIndex,
    String count,
    String cursor,
    String attributes,
    String excludedAttributes) {

  static ListParameters of(SentQuery query) {
    return new ListParameters(query.get("filter"), query.get("sortBy"), query.get("sortOrder"), query.get("startIndex"),
        query.get("count"), query.get("cursor"), query.get("attributes"), query.get("excludedAttributes"));
  }

  ListQuery toQuery() {
    return new ListQuery(filter, sortBy, sortOrder, QueryParameters.positiveLong("startIndex", startIndex),
        QueryParameters.integer("count", count), cursor, AttributeList.parse(attributes),
        AttributeList.parse(excludedAttributes));
  }
}
