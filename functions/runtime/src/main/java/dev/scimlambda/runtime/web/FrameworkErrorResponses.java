package dev.scimlambda.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.problem.ScimType;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Errors Micronaut raises itself (no route, wrong method, unreadable JSON, unsupported media type,
 * an unexpected exception) rendered like ours, so an IdP never sees a non-SCIM error body.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class FrameworkErrorResponses implements ErrorResponseProcessor<JsonNode> {

  @Override
  public MutableHttpResponse<JsonNode> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.code();
    // For the request's completion line (RequestLogging), which names a 5xx's exception.
    context.getRootCause().ifPresent(cause -> context.getRequest().setAttribute(RequestLogging.FAILURE, cause));
    MutableHttpResponse<JsonNode> rendered =
        ApiErrors.render(context.getRequest(), status, status == 400 ? ScimType.invalidSyntax : null, null, message(status, context));
    response.getHeaders().forEach((name, values) -> values.forEach(v -> rendered.header(name, v)));
    return rendered;
  }

  private static String message(int status, ErrorContext context) {
    return switch (status) {
      case 400 -> "The request could not be read: " + firstError(context, "malformed request");
      case 404 -> "No such endpoint: " + context.getRequest().getPath();
      case 405 -> "Method " + context.getRequest().getMethodName() + " is not allowed on " + context.getRequest().getPath();
      case 413 -> "The request body is too large";
      case 415 -> "Unsupported Content-Type; send application/scim+json or application/json";
      default -> status >= 500 ? "Internal server error" : "Request failed";
    };
  }

  /**
   * Micronaut's messages for 400s describe what failed to parse (a JSON position, a missing
   * parameter) without echoing values, which is what makes them safe to pass on.
   */
  private static String firstError(ErrorContext context, String fallback) {
    return context.getErrors().stream().findFirst().map(e -> e.getMessage()).orElse(fallback);
  }
}
