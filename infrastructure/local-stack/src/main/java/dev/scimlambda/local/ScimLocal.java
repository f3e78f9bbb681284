package dev.scimlambda.local;

import dev.scimlambda.stream.RedriveReport;
import java.util.Arrays;

/**
 * {@code java -jar infrastructure/target/scim-local.jar [--in-memory]}: the embedded stack.
 * {@code --redrive} instead starts it on the data directory (stop the running one first: DynamoDB
 * Local's files are not shared), delivers what the stream holds, re-applies the parked stream
 * records, prints the report and exits.
 */
public final class ScimLocal {

  private ScimLocal() {}

  public static void main(String[] args) {
    LocalStackConfig config = LocalStackConfig.from(System.getenv(), Arrays.asList(args));
    if (Arrays.asList(args).contains("--redrive")) {
      redrive(config);
      return;
    }
    LocalStack stack = LocalStack.start(config);
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

  private static void redrive(LocalStackConfig config) {
    // Any free port: the HTTP side is not used, and a stack left running on the usual one must not clash.
    try (LocalStack stack = LocalStack.start(
        new LocalStackConfig(0, config.dataDir(), config.inMemory(), config.adminToken()))) {
      stack.drainStream();
      RedriveReport report = stack.redrive();
      System.out.printf("stream redrive of %s: %s%n", stack.parkedRecordsFile(), report.summary());
    }
    System.exit(0);
  }
}
