package dev.scimlambda.bench.coldstart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.filter.AttributePathRoot;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.utils.RequestUtils;
import dev.scimlambda.bench.Documents;
import dev.scimlambda.bench.captaingoldfish.InMemoryUserHandler;
import java.util.Map;

/**
 * captaingoldfish scim-sdk-server. Init: a {@link ServiceProvider} with PATCH enabled and a
 * {@link ResourceEndpoint} with the User resource type (core schema + enterprise extension, loaded
 * from the SDK's JSON) over an in-memory {@link InMemoryUserHandler}. Parse:
 * {@link RequestUtils#parseFilter} and {@link RequestUtils#parsePatchPath} against the User resource
 * type (the SDK only parses against a schema). Patch: one {@code PATCH /Users/{id}} through
 * {@link ResourceEndpoint#handleRequest}, which includes what the SDK always does on that route: URL
 * and header handling, reading the body, schema validation of request and result, the handler's get
 * (which turns our ObjectNode into the SDK's {@code User}) and update, and building the response.
 */
public final class CaptainGoldfish implements Workload {

  private static final String BASE_URL = "https://scim.example.com/scim/v2";

  private InMemoryUserHandler handler;
  private ResourceEndpoint endpoint;
  private ResourceType userType;

  @Override
  public void init() {
    ServiceProvider serviceProvider = ServiceProvider.builder()
        .patchConfig(PatchConfig.builder().supported(true).build())
        .build();
    handler = new InMemoryUserHandler();
    endpoint = new ResourceEndpoint(serviceProvider, new UserEndpointDefinition(handler));
    userType = endpoint.getResourceTypeByName("User").orElseThrow();
  }

  @Override
  public void parse() {
    FilterNode filter = RequestUtils.parseFilter(userType, Documents.FILTER);
    AttributePathRoot path = RequestUtils.parsePatchPath(userType, Documents.PATH);
    if (filter == null || path == null) {
      throw new IllegalStateException("nothing parsed");
    }
  }

  @Override
  public ObjectNode patch(ObjectNode user, ObjectNode patchRequest, String patchBody) {
    handler.put(user);
    ScimResponse response = endpoint.handleRequest(BASE_URL + "/Users/" + Documents.USER_ID, HttpMethod.PATCH,
        patchBody, Map.of("Content-Type", "application/scim+json"), new Context(null));
    if (response.getHttpStatus() != 200) {
      throw new IllegalStateException("PATCH answered " + response.getHttpStatus() + ": " + response);
    }
    return response;
  }
}
