package dev.scimlambda.admin.api;

import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A stack with the admin handler, and calls made with the admin token. */
abstract class AdminApiTestBase {

  static TestStack stack;
  static AdminApiHandler handler;

  @BeforeAll
  static void startStack() {
    stack = TestStack.start();
    handler = new AdminApiHandler(stack.context());
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  static ApiResult call(String method, String path) {
    return ApiCall.of(method, path).bearer(TestStack.ADMIN_TOKEN).invoke(handler);
  }

  static ApiResult call(String method, String path, String json) {
    return ApiCall.of(method, path).bearer(TestStack.ADMIN_TOKEN).json(json).invoke(handler);
  }

  /** A new workspace with a unique id, so tests sharing the stack do not see each other. */
  static String newWorkspace() {
    ApiResult created = call("POST", "/admin/v1/workspaces", "{\"name\":\"Acme\"}");
    return created.json().get("id").asText();
  }
}
