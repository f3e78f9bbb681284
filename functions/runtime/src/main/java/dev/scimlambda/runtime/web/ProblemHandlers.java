package dev.scimlambda.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.audit.AuditEntryExists;
import dev.scimlambda.problem.Contention;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.UnauthenticatedException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** Maps the domain's {@link Problem}s, and the few exceptions outside that family, to HTTP responses. */
@Factory
public class ProblemHandlers {

  private static final Logger UNEXPECTED = LoggerFactory.getLogger(ProblemHandlers.class);

  /** Every kind of the domain's {@link Problem}, mapped here once for both APIs. */
  @Singleton
  ExceptionHandler<Problem, HttpResponse<JsonNode>> problem() {
    return ProblemHandlers::render;
  }

  /**
   * Each kind answers with its own status and scimType; an invalid input also names its field
   * (admin API), a 401 the scheme to use (RFC 6750 §3), a 429 when to retry.
   */
  public static MutableHttpResponse<JsonNode> render(HttpRequest<?> request, Problem problem) {
    if (problem instanceof Contention e) {
      return tooManyRequests(request, e);
    }
    String field = problem instanceof InvalidInputException e ? e.field() : null;
    MutableHttpResponse<JsonNode> response =
        ApiErrors.render(request, problem.status(), problem.scimType(), field, problem.getMessage());
    return problem instanceof UnauthenticatedException ? response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer") : response;
  }

  /** The change could not be recorded in the audit trail, so it was not made. */
  @Singleton
  ExceptionHandler<AuditEntryExists, HttpResponse<JsonNode>> auditEntryExists() {
    return (request, e) -> ApiErrors.render(request, 409, null, null, e.getMessage());
  }

  /**
   * DynamoDB throttling (ProvisionedThroughputExceeded, RequestLimitExceeded, ThrottlingException)
   * that outlasted the SDK's own backoff is contention too. Any other AWS error stays what
   * Micronaut makes of an unexpected exception: a 500, and an ERROR line with its cause (handling
   * the exception here takes it off Micronaut's path, which would have logged that line).
   */
  @Singleton
  ExceptionHandler<SdkServiceException, HttpResponse<?>> awsService(ErrorResponseProcessor<?> framework) {
    return (request, e) -> {
      if (throttling(e)) {
        return tooManyRequests(request, Contention.throttled());
      }
      UNEXPECTED.error("Unexpected error occurred: {}", e.getClass().getName(), e);
      return framework.processResponse(ErrorContext.builder(request).cause(e).errorMessage("Internal Server Error").build(),
          HttpResponse.serverError());
    };
  }

  private static boolean throttling(SdkServiceException e) {
    return e.isThrottlingException() || e instanceof ProvisionedThroughputExceededException
        || e instanceof RequestLimitExceededException;
  }

  /**
   * 429, not 503: IdPs treat 429 with Retry-After as "slow down and send it again" (Entra ID pauses
   * the connection for that long and retries only the failed requests) and count 5xx toward
   * quarantining the app. Not 409 either, which says the data conflicts and retrying cannot help.
   */
  private static MutableHttpResponse<JsonNode> tooManyRequests(HttpRequest<?> request, Contention e) {
    return ApiErrors.render(request, 429, null, null, e.getMessage())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
  }
}
