package dev.scimlambda.local;

import java.util.Arrays;

/** {@code java -jar infrastructure/target/scim-local.jar [--in-memory]}: the embedded stack. */
public final class ScimLocal {

  private ScimLocal() {}

  public static void main(String[] args) {
    LocalStack stack = LocalStack.start(LocalStackConfig.from(System.getenv(), Arrays.asList(args)));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "scim-local-shutdown"));
    System.out.printf(
        """

        scim-lambda is running (embedded stack)
          Console      %s
          Admin API    %s/admin/v1
          Admin token  %s
          SCIM base    %s/scim/v2/<connectionId>   (create a connection to get one)
          Data         %s

        Try:  curl -s -H 'Authorization: Bearer %s' %s/admin/v1/workspaces/default

        """,
        stack.consoleUrl().orElse("not in this build (npm was absent when it was built)"),
        stack.baseUrl(), stack.adminToken(), stack.baseUrl(), stack.dataDir(), stack.adminToken(), stack.baseUrl());
  }
}
