package dev.scimlambda.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.problem.UnauthenticatedException;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.LimitReachedException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.scim.ScimException;
import dev.scimlambda.scim.ScimType;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Maps the domain's exceptions to HTTP responses, one handler per exception type. */
@Factory
public class ProblemHandlers {

  @Singleton
  ExceptionHandler<InvalidInputException, HttpResponse<JsonNode>> invalidInput() {
    return (request, e) -> ApiErrors.render(request, 400, ScimType.invalidValue, e.field(), e.getMessage());
  }

  @Singleton
  ExceptionHandler<NotFoundException, HttpResponse<JsonNode>> notFound() {
    return (request, e) -> ApiErrors.render(request, 404, null, null, e.getMessage());
  }

  @Singleton
  ExceptionHandler<ConflictException, HttpResponse<JsonNode>> conflict() {
    return (request, e) -> ApiErrors.render(request, 409, ScimType.uniqueness, null, e.getMessage());
  }

  @Singleton
  ExceptionHandler<LimitReachedException, HttpResponse<JsonNode>> limitReached() {
    return (request, e) -> ApiErrors.render(request, 403, null, null, e.getMessage());
  }

  @Singleton
  ExceptionHandler<ScimException, HttpResponse<JsonNode>> scim() {
    return (request, e) -> ApiErrors.render(request, e.status(), e.scimType(), null, e.getMessage());
  }

  /** RFC 6750 §3: a 401 names the scheme the client should use. */
  @Singleton
  ExceptionHandler<UnauthenticatedException, HttpResponse<JsonNode>> unauthenticated() {
    return (request, e) ->
        ApiErrors.render(request, 401, null, null, e.getMessage()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }
}
