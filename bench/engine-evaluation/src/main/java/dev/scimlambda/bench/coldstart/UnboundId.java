package dev.scimlambda.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.scimlambda.bench.Documents;

/**
 * UnboundID scim2-sdk-common. Init: the SDK's reader for {@link PatchRequest} (builds the SDK's
 * ObjectMapper). Parse: {@link Filter#fromString} and {@link Path#fromString}. Patch: bind the parsed
 * body to {@link PatchRequest} and apply it to the user's ObjectNode through
 * {@link GenericScimResource} (in place, no schema).
 */
public final class UnboundId implements Workload {

  private ObjectReader patchReader;
  private Filter filter;
  private Path path;

  @Override
  public void init() {
    patchReader = JsonUtils.getObjectReader().forType(PatchRequest.class);
  }

  @Override
  public void parse() throws Exception {
    filter = Filter.fromString(Documents.FILTER);
    path = Path.fromString(Documents.PATH);
    if (!filter.isCombiningFilter() || path.size() != 2) {
      throw new IllegalStateException("unexpected parse: " + filter + " / " + path);
    }
  }

  @Override
  public ObjectNode patch(ObjectNode user, ObjectNode patchRequest, String patchBody) throws Exception {
    PatchRequest request = patchReader.readValue(patchRequest);
    GenericScimResource resource = new GenericScimResource(user);
    request.apply(resource);
    return resource.getObjectNode();
  }
}
