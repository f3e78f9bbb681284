package dev.scimlambda.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.Contention;
import dev.scimlambda.problem.ForbiddenException;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.LimitReachedException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.RequestTooLargeException;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.problem.StaleVersionException;
import dev.scimlambda.problem.UnauthenticatedException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemHandlersTest {

  private static final HttpRequest<?> SCIM = HttpRequest.GET("/scim/v2/c1/Users");

  /** One of each kind the family permits, with the status its API answers. */
  private static Map<Problem, Integer> oneOfEachKind() {
    Map<Problem, Integer> kinds = new LinkedHashMap<>();
    kinds.put(new InvalidInputException("seatLimit", "must be positive"), 400);
    kinds.put(new NotFoundException("no such workspace"), 404);
    kinds.put(new ConflictException("taken"), 409);
    kinds.put(new StaleVersionException("changed since"), 412);
    kinds.put(new RequestTooLargeException("too many operations"), 413);
    kinds.put(new LimitReachedException("no seats left"), 403);
    kinds.put(new ForbiddenException("not yours"), 403);
    kinds.put(new UnauthenticatedException(), 401);
    kinds.put(Contention.throttled(), 429);
    return kinds;
  }

  @Test
  void theMappingCoversEveryKindTheFamilyPermits() {
    assertThat(oneOfEachKind().keySet().stream().map(Object::getClass).toList())
        .containsExactlyInAnyOrderElementsOf(Arrays.asList(Problem.class.getPermittedSubclasses()));
  }

  @Test
  void eachKindIsAnsweredWithItsStatus() {
    oneOfEachKind().forEach((problem, status) ->
        assertThat(ProblemHandlers.render(SCIM, problem).status().getCode()).as(problem.getClass().getSimpleName())
            .isEqualTo(status));
  }

  @Test
  void contentionSaysWhenToRetry() {
    assertThat(ProblemHandlers.render(SCIM, Contention.throttled()).getHeaders().get(HttpHeaders.RETRY_AFTER))
        .isEqualTo(String.valueOf(Contention.AFTER_THROTTLING.toSeconds()));
  }

  @Test
  void aMissingBearerTokenNamesTheScheme() {
    assertThat(ProblemHandlers.render(SCIM, new UnauthenticatedException()).getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
        .isEqualTo("Bearer");
  }

  @Test
  void aProtocolErrorCarriesItsScimType() {
    var body = ProblemHandlers.render(SCIM, new InvalidInputException(ScimType.invalidFilter, "bad filter")).body();

    assertThat(body.get("scimType").asText()).isEqualTo("invalidFilter");
    assertThat(body.get("status").asText()).isEqualTo("400");
  }

  @Test
  void aTakenValueIsAUniquenessConflict() {
    assertThat(ProblemHandlers.render(SCIM, new ConflictException("taken")).body().get("scimType").asText())
        .isEqualTo("uniqueness");
  }
}
