package dev.scimlambda.bench.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.response.ErrorResponse;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.filter.AttributePathRoot;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.resources.FilterResourceResolver;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.utils.RequestUtils;
import dev.scimlambda.bench.captaingoldfish.InMemoryGroupHandler;
import dev.scimlambda.bench.captaingoldfish.InMemoryResourceHandler;
import dev.scimlambda.bench.captaingoldfish.InMemoryUserHandler;
import java.util.List;
import java.util.Map;

/**
 * captaingoldfish scim-sdk-server with its own User and Group schemas: filters parsed against the User
 * resource type and evaluated with {@link FilterResourceResolver}; PATCH through
 * {@link ResourceEndpoint#handleRequest} over in-memory handlers.
 *
 * @param entraWorkarounds switch on the SDK's Microsoft Entra (Azure) PATCH workarounds
 *     (msAzureFilter, msAzureValueSubAttribute, msAzureComplexSimpleValue); off is the SDK's default
 */
public record CaptainGoldfishEngine(boolean entraWorkarounds, ServiceProvider serviceProvider,
    InMemoryUserHandler users, InMemoryGroupHandler groups, ResourceEndpoint endpoint) implements Engine {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  public static CaptainGoldfishEngine create(boolean entraWorkarounds) {
    PatchConfig.PatchConfigBuilder patch = PatchConfig.builder().supported(true);
    if (entraWorkarounds) {
      patch.activateMsAzureFilterWorkaround(true)
          .activateMsAzureValueSubAttributeWorkaround(true)
          .activateMsAzureComplexSimpleValueWorkaround(true);
    }
    ServiceProvider serviceProvider = ServiceProvider.builder().patchConfig(patch.build()).build();
    InMemoryUserHandler users = new InMemoryUserHandler();
    InMemoryGroupHandler groups = new InMemoryGroupHandler();
    ResourceEndpoint endpoint = new ResourceEndpoint(serviceProvider, new UserEndpointDefinition(users),
        new GroupEndpointDefinition(groups));
    return new CaptainGoldfishEngine(entraWorkarounds, serviceProvider, users, groups, endpoint);
  }

  @Override
  public String name() {
    return entraWorkarounds ? "captaingoldfish, Entra workarounds on" : "captaingoldfish, defaults";
  }

  private ResourceType userType() {
    return endpoint.getResourceTypeByName("User").orElseThrow();
  }

  @Override
  public Outcome<Boolean> filter(String filter, ObjectNode user) {
    FilterNode parsed;
    try {
      parsed = RequestUtils.parseFilter(userType(), filter);
    } catch (ScimException e) {
      return Outcome.failed(describe(e));
    } catch (RuntimeException e) {
      return Outcome.failed(e.toString());
    }
    try {
      User resource = JsonHelper.copyResourceToObject(user.deepCopy(), User.class);
      return Outcome.of(!FilterResourceResolver.filterResources(serviceProvider, List.of(resource), parsed).isEmpty());
    } catch (ScimException e) {
      return Outcome.failed("evaluation: " + describe(e));
    } catch (RuntimeException e) {
      return Outcome.failed("evaluation: " + e);
    }
  }

  @Override
  public Outcome<String> path(String resourceType, String path) {
    try {
      AttributePathRoot parsed = RequestUtils.parsePatchPath(endpoint.getResourceTypeByName(resourceType).orElseThrow(), path);
      String described = "attr=" + parsed.getFullName()
          + (parsed.getChild() != null ? " filter=" + parsed.getChild().getClass().getSimpleName() : "")
          + (parsed.getSubAttribute() != null ? " sub=" + parsed.getSubAttribute().getName() : "");
      return Outcome.of(described);
    } catch (ScimException e) {
      return Outcome.failed(describe(e));
    } catch (RuntimeException e) {
      return Outcome.failed(e.toString());
    }
  }

  @Override
  public Outcome<JsonNode> patch(String resourceType, ObjectNode document, String patchBody) {
    InMemoryResourceHandler<?> handler = "Group".equals(resourceType) ? groups : users;
    String id = document.get("id").asText();
    handler.put(document.deepCopy());
    ScimResponse response = endpoint.handleRequest("https://scim.example.com/scim/v2/" + resourceType + "s/" + id,
        HttpMethod.PATCH, patchBody, Map.of("Content-Type", "application/scim+json"), new Context(null));
    if (response instanceof ErrorResponse error) {
      return Outcome.failed(error.getHttpStatus() + error.getScimType().map(t -> " " + t).orElse("") + ": "
          + UnboundIdEngine.firstLine(error.getDetail().orElse(String.join("; ", error.getErrorMessages()))));
    }
    try {
      return Outcome.of(PLAIN.readTree(handler.get(id).toString()));
    } catch (Exception e) {
      return Outcome.failed(e.toString());
    }
  }

  static String describe(ScimException e) {
    return e.getStatus() + (e.getScimType() == null ? "" : " " + e.getScimType()) + ": "
        + UnboundIdEngine.firstLine(e.getDetail() != null ? e.getDetail() : e.getMessage());
  }
}
