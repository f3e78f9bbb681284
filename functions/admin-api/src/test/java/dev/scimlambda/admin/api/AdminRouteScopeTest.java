package dev.scimlambda.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every admin route the router serves, taken from Micronaut's router rather than a hand list: each
 * must be classified in {@link AdminRoute}, and a JWT for workspace A is refused on workspace B by
 * every one of them.
 */
class AdminRouteScopeTest {

  static final TestIssuer ISSUER = TestIssuer.create();
  static final Pattern VARIABLE = Pattern.compile("\\{[^}/]+}");
  static TestStack stack;
  static AdminApiHandler handler;
  static String workspaceA;
  static String workspaceB;

  @BeforeAll
  static void start() {
    stack = TestStack.start(ISSUER.settings());
    handler = new AdminApiHandler(stack.context());
    workspaceA = operatorCreates("A");
    workspaceB = operatorCreates("B");
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static String operatorCreates(String name) {
    return ApiCall.of("POST", "/admin/v1/workspaces").bearer(TestStack.ADMIN_TOKEN)
        .json("{\"name\":\"" + name + "\"}").invoke(handler).json().get("id").asText();
  }

  /** A route as the router serves it. */
  record Served(HttpMethod method, String template) {
    Optional<AdminRoute> classified() {
      return AdminRoute.of(method, template);
    }

    AdminRoute.Scope scope() {
      // Unclassified routes are the operator's alone (AdminAuthFilter fails closed).
      return classified().map(AdminRoute::scope).orElse(AdminRoute.Scope.OPERATOR);
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  /** The admin API's routes as the router has them, one per method and template. */
  static Stream<Served> adminRoutes() {
    try (TestStack routesOnly = TestStack.start()) {
      Router router = routesOnly.context().getBean(Router.class);
      return router.uriRoutes()
          .map(r -> new Served(r.getHttpMethod(), r.getUriMatchTemplate().toString()))
          .filter(r -> r.template().startsWith("/admin/v1"))
          .distinct()
          .toList()
          .stream();
    }
  }

  @Test
  void theRouterServesAdminRoutes() {
    assertThat(adminRoutes().count()).isGreaterThanOrEqualTo(AdminRoute.values().length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adminRoutes")
  void everyRouteIsClassified(Served route) {
    assertThat(route.classified())
        .as("%s must be added to AdminRoute with the scope it needs", route)
        .isPresent();
  }

  @Test
  void everyClassifiedRouteIsServed() {
    List<String> served = adminRoutes().map(Served::toString).toList();
    assertThat(Arrays.stream(AdminRoute.values()).map(r -> r.method() + " " + r.template()))
        .allSatisfy(r -> assertThat(served).contains(r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adminRoutes")
  void aJwtForWorkspaceAIsRefusedOnWorkspaceB(Served route) {
    AdminRoute.Scope scope = route.scope();
    ApiResult result = callAsAdminOfA(route, workspaceB);
    if (scope == AdminRoute.Scope.SIGNED_IN) {
      // Open to every admin, so its answer must not show workspace B.
      assertThat(result.status()).as(result.toString()).isBetween(200, 299);
      assertThat(result.bodyText()).doesNotContain(workspaceB);
    } else {
      assertThat(result.status()).as(result.toString()).isEqualTo(403);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adminRoutes")
  void aJwtForWorkspaceAPassesTheScopeCheckOnWorkspaceA(Served route) {
    AdminRoute.Scope scope = route.scope();
    ApiResult result = callAsAdminOfA(route, workspaceA);
    if (scope == AdminRoute.Scope.OPERATOR) {
      assertThat(result.status()).isEqualTo(403);
    } else {
      // The route's own answer (200, 404 for the placeholder ids, 400 for the empty body), never a refusal.
      assertThat(result.status()).as(result.toString()).isNotIn(401, 403);
    }
  }

  /** The route with {workspaceId} filled in and every other variable a placeholder that names nothing. */
  static ApiResult callAsAdminOfA(Served route, String workspaceId) {
    String template = route.template();
    Matcher m = VARIABLE.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String name = m.group().substring(1, m.group().length() - 1).replace("+", "");
      m.appendReplacement(path, name.equals(AdminRoute.WORKSPACE_VARIABLE) ? workspaceId : "no-such-" + name);
    }
    m.appendTail(path);
    ApiCall call = ApiCall.of(route.method().name(), path.toString()).bearer(ISSUER.adminOf("alice", workspaceA));
    if (route.method() == HttpMethod.POST || route.method() == HttpMethod.PUT
        || route.method() == HttpMethod.PATCH) {
      call = call.json("{}");
    }
    return call.invoke(handler);
  }
}
