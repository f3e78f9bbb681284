package dev.scimlambda.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The context of one local invocation, shaped like Lambda's for the function it stands in for. */
final class LocalLambdaContext implements Context {

  private static final int TIMEOUT_MILLIS = 29_000;

  private final String functionName;
  private final String requestId = UUID.randomUUID().toString();
  private final long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;

  LocalLambdaContext(String functionName) {
    this.functionName = functionName;
  }

  @Override public String getAwsRequestId() { return requestId; }
  @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
  @Override public String getLogStreamName() { return "local"; }
  @Override public String getFunctionName() { return functionName; }
  @Override public String getFunctionVersion() { return "$LATEST"; }
  @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + functionName; }
  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }
  @Override public int getMemoryLimitInMB() { return 1024; }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline - System.currentTimeMillis());
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override public void log(String message) { System.err.print(message); }
      @Override public void log(byte[] message) { log(new String(message, StandardCharsets.UTF_8)); }
    };
  }
}
