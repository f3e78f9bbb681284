package dev.scimlambda.scim.query;

import com.unboundid.scim2.common.filters.Filter;

/** How the store answers a filtered list request. */
public sealed interface QueryPlan {

  /** The filter to evaluate on each resource read; null when every resource matches. */
  Filter filter();

  /**
   * Read the resources indexed under {@code key} for {@code attribute}, then keep those that
   * {@link #filter()} (the whole request filter) matches.
   */
  record IndexLookup(IndexedAttribute attribute, String key, Filter filter) implements QueryPlan {}

  /** Read every resource, keeping those {@link #filter()} matches (all when it is null). */
  record FullScan(Filter filter) implements QueryPlan {}
}
