package dev.scimlambda.bench.coldstart.child;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.scimlambda.httpapi.HttpApiEvents;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One cold start, in a fresh JVM whose classpath is a function's deployment jar (plus the event
 * builder and this class): constructs the handler as Lambda's init phase does, then invokes it twice
 * with the same API Gateway event. Prints one {@code RESULT} line of epoch milliseconds and
 * nanosecond durations for the launcher; exits 3 when a response is not the expected status.
 *
 * <p>Arguments: handler class, method, path, raw query, bearer token, route prefix, expected status,
 * and {@code primed} to run the handler's SnapStart hooks (CRaC {@code beforeCheckpoint}, then
 * {@code afterRestore}) as part of init: the first invoke then shows what a restored instance pays.
 */
public final class Invoke {

  public static void main(String[] args) throws Exception {
    @SuppressWarnings("unchecked")
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
        (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
            Class.forName(args[0]).getDeclaredConstructor().newInstance();
    if (args.length > 7 && args[7].equals("primed")) {
      // Reflection: the baseline's jar has no org.crac, and this class must load there too.
      Class<?> checkpointContext = Class.forName("org.crac.Context");
      handler.getClass().getMethod("beforeCheckpoint", checkpointContext).invoke(handler, (Object) null);
      handler.getClass().getMethod("afterRestore", checkpointContext).invoke(handler, (Object) null);
    }
    long readyMs = System.currentTimeMillis();
    long classesReady = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    int expected = Integer.parseInt(args[6]);

    long firstStart = System.nanoTime();
    int firstStatus = invoke(handler, args);
    long firstNs = System.nanoTime() - firstStart;
    long firstMs = System.currentTimeMillis();
    long classesFirst = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();

    long secondStart = System.nanoTime();
    int secondStatus = invoke(handler, args);
    long secondNs = System.nanoTime() - secondStart;

    System.out.printf("RESULT jvmStartMs=%d readyMs=%d firstMs=%d firstNs=%d secondNs=%d classesReady=%d classesFirst=%d%n",
        ManagementFactory.getRuntimeMXBean().getStartTime(), readyMs, firstMs, firstNs, secondNs, classesReady,
        classesFirst);
    if (firstStatus != expected || secondStatus != expected) {
      System.err.printf("expected %d, got %d then %d%n", expected, firstStatus, secondStatus);
      System.exit(3);
    }
    // Micronaut and the SDK may leave non-daemon threads; the measurement is over.
    System.exit(0);
  }

  private static int invoke(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String[] args) {
    Map<String, List<String>> headers = Map.of("authorization", List.of("Bearer " + args[4]));
    APIGatewayV2HTTPEvent event = HttpApiEvents.request(args[1], args[2], args[3], headers, new byte[0], args[5], "127.0.0.1");
    return handler.handleRequest(event, new ChildContext()).getStatusCode();
  }

  /** The Lambda context: only the request id and limits are read. */
  private static final class ChildContext implements Context {
    private final String requestId = UUID.randomUUID().toString();

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "cold-start"; }
    @Override public String getLogStreamName() { return "cold-start"; }
    @Override public String getFunctionName() { return "cold-start"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:cold-start"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 29_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override public void log(String message) { System.err.print(message); }
        @Override public void log(byte[] message) { System.err.write(message, 0, message.length); }
      };
    }
  }

  private Invoke() {}
}
