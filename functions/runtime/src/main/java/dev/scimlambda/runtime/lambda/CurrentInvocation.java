package dev.scimlambda.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The Lambda context of the invocation under way, for the one handler that reads it (the stream
 * redrive's remaining time).
 *
 * <p>micronaut-function-aws registers each invocation's {@link Context} (and its logger) as a new
 * singleton of the application context, on every request. Registering a singleton clears the
 * context's bean-resolution caches, so the request that follows resolves its controller's and its
 * filters' beans anew: a fifth of the API function's CPU per warm request under load (JFR). Nothing
 * of ours injects the Lambda context, so it is kept here instead, per thread (the embedded stack
 * serves concurrent requests from one application context).
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public final class CurrentInvocation implements LambdaContextFactory {

  private final ThreadLocal<Context> current = new ThreadLocal<>();

  @Override
  public void registerSingletons(Context context) {
    current.set(context);
  }

  /** The context Lambda passed to this thread's invocation under way, if any. */
  public Optional<Context> context() {
    return Optional.ofNullable(current.get());
  }
}
