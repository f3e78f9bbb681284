import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Lambda's Java runtime does with a function jar, reduced to what the log test needs: the
 * handler class named in the template, built with its no-arg constructor, called once per event on
 * one thread with a Context carrying the invocation's request id. Compiled against the jar under test.
 *
 * <p>Arguments: handler class, {@code api}, {@code stream} or {@code sqs}, a file of invocations (one JSON object a
 * line: {@code {"requestId": ..., "event": {...}}}), a file the responses are written to (one a
 * line). stdout and stderr are the function's alone.
 */
public final class LambdaDriver {

  public static void main(String[] args) throws Exception {
    ObjectMapper json = JsonMapper.builder()
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    Class<?> eventType = switch (args[1]) {
      case "api" -> APIGatewayV2HTTPEvent.class;
      case "sqs" -> SQSEvent.class;
      default -> DynamodbEvent.class;
    };
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> handler =
        (RequestHandler<Object, Object>) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    List<String> invocations = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
    try (PrintStream responses = new PrintStream(Files.newOutputStream(Path.of(args[3])), true, StandardCharsets.UTF_8)) {
      for (String line : invocations) {
        JsonNode invocation = json.readTree(line);
        Object event = json.treeToValue(invocation.get("event"), eventType);
        Object response = handler.handleRequest(event, context(invocation.get("requestId").asText()));
        responses.println(json.writeValueAsString(response));
      }
    }
    System.exit(0);
  }

  private static Context context(String requestId) {
    return new Context() {
      public String getAwsRequestId() { return requestId; }
      public String getLogGroupName() { return "/aws/lambda/shipped-jar-test"; }
      public String getLogStreamName() { return "shipped-jar-test"; }
      public String getFunctionName() { return "shipped-jar-test"; }
      public String getFunctionVersion() { return "$LATEST"; }
      public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:shipped-jar-test"; }
      public CognitoIdentity getIdentity() { return null; }
      public ClientContext getClientContext() { return null; }
      public int getRemainingTimeInMillis() { return 29_000; }
      public int getMemoryLimitInMB() { return 1024; }
      public LambdaLogger getLogger() { return LambdaRuntime.getLogger(); }
    };
  }
}
