package dev.scimlambda.bench.planning;

import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.server.filter.AndExpressionNode;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.OrExpressionNode;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.utils.RequestUtils;
import java.util.List;

/**
 * Plans a query from captaingoldfish's {@link FilterNode} tree (no visitor interface: walked with
 * instanceof). Each leaf carries the SDK's schema attribute, so caseExact is the SDK schema's.
 */
public final class CaptainGoldfishPlanner {

  private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

  private CaptainGoldfishPlanner() {}

  public static Plan plan(ResourceType users, String filter) {
    return plan(RequestUtils.parseFilter(users, filter));
  }

  static Plan plan(FilterNode node) {
    if (node instanceof AndExpressionNode and) {
      return Plan.and(List.of(plan(and.getLeftNode()), plan(and.getRightNode())));
    }
    if (node instanceof OrExpressionNode or) {
      return Plan.or(List.of(plan(or.getLeftNode()), plan(or.getRightNode())));
    }
    if (node instanceof AttributeExpressionLeaf leaf && leaf.getComparator() == Comparator.EQ
        && leaf.getSchemaAttribute().getParent() == null
        && CORE_USER.equals(leaf.getSchemaAttribute().getSchema().getNonNullId())
        && leaf.getStringValue().isPresent()) {
      Plan lookup = Plan.lookup(leaf.getSchemaAttribute().getName(), leaf.getStringValue().get(), leaf.isCaseExact());
      if (lookup != null) {
        return lookup;
      }
    }
    return new Plan.Scan();
  }
}
