package dev.scimlambda.runtime.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;

/**
 * API Gateway's id of a request, from the HTTP API event micronaut-function-aws-api-proxy keeps as
 * the native request. Kept apart so that only the API functions, which have the servlet classes,
 * ever load it.
 */
final class ApiGatewayRequestId {

  private ApiGatewayRequestId() {}

  /** Null outside API Gateway (the embedded stack's gateway builds the same event, so it has one too). */
  static String of(HttpRequest<?> request) {
    if (request instanceof ServletHttpRequest<?, ?> servlet
        && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
        && event.getRequestContext() != null) {
      return event.getRequestContext().getRequestId();
    }
    return null;
  }
}
