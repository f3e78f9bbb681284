package dev.scimlambda.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.scimlambda.bench.Documents;
import java.util.Locale;

/**
 * UnboundID scim2-sdk-common, but the PATCH body is not bound through the SDK's ObjectMapper: our code
 * reads {@code Operations} from the tree Jackson already parsed and builds each {@link PatchOperation}
 * with {@link PatchOperation#add}/{@code replace}/{@code remove} (where an IdP dialect would be
 * normalised anyway), then applies it to the ObjectNode. No init step.
 */
public final class UnboundIdOwnBinding implements Workload {

  @Override
  public void init() {}

  @Override
  public void parse() throws Exception {
    Filter filter = Filter.fromString(Documents.FILTER);
    Path path = Path.fromString(Documents.PATH);
    if (!filter.isCombiningFilter() || path.size() != 2) {
      throw new IllegalStateException("unexpected parse: " + filter + " / " + path);
    }
  }

  @Override
  public ObjectNode patch(ObjectNode user, ObjectNode patchRequest, String patchBody) throws Exception {
    for (JsonNode operation : patchRequest.path("Operations")) {
      JsonNode pathNode = operation.get("path");
      Path path = pathNode == null ? null : Path.fromString(pathNode.asText());
      PatchOperation op = switch (PatchOpType.valueOf(operation.path("op").asText().toUpperCase(Locale.ROOT))) {
        case ADD -> PatchOperation.add(path, operation.get("value"));
        case REPLACE -> path == null ? PatchOperation.replace((ObjectNode) operation.get("value"))
            : PatchOperation.replace(path, operation.get("value"));
        case REMOVE -> PatchOperation.remove(path);
      };
      op.apply(user);
    }
    return user;
  }
}
