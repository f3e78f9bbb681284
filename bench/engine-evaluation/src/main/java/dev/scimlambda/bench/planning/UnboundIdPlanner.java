package dev.scimlambda.bench.planning;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a query from UnboundID's filter AST with its {@link FilterVisitor}. The SDK has no schema, so
 * caseExact comes from ours: here the three keyed attributes, userName being the case-insensitive one.
 */
public final class UnboundIdPlanner implements FilterVisitor<Plan, Void> {

  private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

  public static Plan plan(String filter) throws Exception {
    return Filter.fromString(filter).visit(new UnboundIdPlanner(), null);
  }

  @Override
  public Plan visit(EqualFilter filter, Void param) {
    Path path = filter.getAttributePath();
    boolean core = path.getSchemaUrn() == null || CORE_USER.equalsIgnoreCase(path.getSchemaUrn());
    if (core && path.size() == 1 && path.getElement(0).getValueFilter() == null
        && filter.getComparisonValue().isTextual()) {
      String attribute = path.getElement(0).getAttribute();
      Plan lookup = Plan.lookup(attribute, filter.getComparisonValue().textValue(), !attribute.equalsIgnoreCase("userName"));
      if (lookup != null) {
        return lookup;
      }
    }
    return new Plan.Scan();
  }

  @Override
  public Plan visit(AndFilter filter, Void param) throws com.unboundid.scim2.common.exceptions.ScimException {
    return Plan.and(children(filter.getCombinedFilters()));
  }

  @Override
  public Plan visit(OrFilter filter, Void param) throws com.unboundid.scim2.common.exceptions.ScimException {
    return Plan.or(children(filter.getCombinedFilters()));
  }

  private List<Plan> children(List<Filter> filters) throws com.unboundid.scim2.common.exceptions.ScimException {
    List<Plan> plans = new ArrayList<>();
    for (Filter child : filters) {
      plans.add(child.visit(this, null));
    }
    return plans;
  }

  @Override public Plan visit(NotEqualFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(ContainsFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(StartsWithFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(EndsWithFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(PresentFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(GreaterThanFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(GreaterThanOrEqualFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(LessThanFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(LessThanOrEqualFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(NotFilter filter, Void param) { return new Plan.Scan(); }
  @Override public Plan visit(ComplexValueFilter filter, Void param) { return new Plan.Scan(); }
}
