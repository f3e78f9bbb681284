package dev.scimlambda.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.events.ConfiguredWebhook;
import dev.scimlambda.events.Webhooks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.util.Optional;

/** {@code /admin/v1/workspaces/{ws}/webhook}: where a workspace's directory events are posted. */
@Controller("/admin/v1/workspaces/{workspaceId}/webhook")
public final class WebhookController {

  private final Webhooks webhooks;

  public WebhookController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  /** The response to the first PUT is the one place the signing secret is shown. */
  @Put
  public JsonNode put(String workspaceId, @Nullable @Body JsonNode json) {
    RequestBody body = new RequestBody(json);
    return withSecret(
        webhooks.configure(workspaceId, body.requiredString("url"), body.bool("enabled").orElse(true)));
  }

  /**
   * A new signing secret, shown in this response only; body {@code {"overlapHours": n}} optional.
   * {@code previousSecretExpiresAt} says until when the replaced secret still signs.
   */
  @Post("/secret/rotate")
  public JsonNode rotateSecret(String workspaceId, HttpRequest<?> request) {
    // A bodiless POST (no Content-Type) takes the default; @Body would refuse it as an empty body.
    Optional<Integer> overlapHours = request.getContentType().isEmpty()
        ? Optional.empty()
        : new RequestBody(request.getBody(JsonNode.class).orElse(null)).integer("overlapHours");
    return withSecret(webhooks.rotateSecret(workspaceId, overlapHours));
  }

  @Get
  public JsonNode get(String workspaceId) {
    return AdminJson.webhook(webhooks.get(workspaceId));
  }

  @Delete
  public HttpResponse<Void> delete(String workspaceId) {
    webhooks.delete(workspaceId);
    return HttpResponse.noContent();
  }

  private static JsonNode withSecret(ConfiguredWebhook configured) {
    ObjectNode view = AdminJson.webhook(configured.webhook());
    configured.signingSecret().ifPresent(secret -> view.put("signingSecret", secret));
    return view;
  }
}
