package dev.scimlambda.scim.api;

import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A stack with the SCIM handler and a helper to issue connections through the domain services. */
abstract class ScimTestConnections {

  static TestStack stack;
  static ScimApiHandler handler;

  @BeforeAll
  static void startStack() {
    stack = TestStack.start();
    handler = new ScimApiHandler(stack.context());
    stack.context().getBean(Workspaces.class).ensureDefault();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  static Connections connections() {
    return stack.context().getBean(Connections.class);
  }

  static IssuedConnection newConnection() {
    return connections().create("default", "Okta production", "okta");
  }

  static ApiResult get(IssuedConnection connection, String path) {
    return ApiCall.of("GET", "/scim/v2/" + connection.connection().id() + path)
        .bearer(connection.bearerToken())
        .invoke(handler);
  }

  static ApiResult call(IssuedConnection connection, String method, String path, String json) {
    ApiCall call = ApiCall.of(method, "/scim/v2/" + connection.connection().id() + path).bearer(connection.bearerToken());
    if (json != null) {
      call.body("application/scim+json", json);
    }
    return call.invoke(handler);
  }

  static String userJson(String userName) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}";
  }

  /** Creates a user and returns its id. */
  static String createUser(IssuedConnection connection, String json) {
    ApiResult created = call(connection, "POST", "/Users", json);
    if (created.status() != 201) {
      throw new AssertionError("create failed: " + created);
    }
    return created.json().get("id").asText();
  }

  static IssuedConnection rotate(IssuedConnection connection, Optional<java.time.Duration> grace) {
    return connections().rotateSecret("default", connection.connection().id(), grace);
  }
}
