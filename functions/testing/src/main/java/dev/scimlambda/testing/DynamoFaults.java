package dev.scimlambda.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Test-only, in stacks started with {@link #PROPERTY}: the function's DynamoDB client fails the
 * requests a test names, the way DynamoDB fails them (a cancelled transaction, throttling), before
 * anything is written. DynamoDB Local never throttles and never cancels a transaction for a
 * conflict, so these paths are only reachable this way. Paginators issue their later pages inside
 * the SDK and are not seen.
 */
@Singleton
@Requires(property = DynamoFaults.PROPERTY, value = "true")
public final class DynamoFaults implements BeanCreatedEventListener<DynamoDbClient> {

  public static final String PROPERTY = "test.dynamo-faults";

  private static final List<Function<Object, RuntimeException>> FAULTS = new CopyOnWriteArrayList<>();

  /**
   * Until the returned handle is closed, every request for which {@code fault} returns an exception
   * fails with it (null lets the request through). The request is the SDK's request object, e.g. a
   * {@code GetItemRequest}.
   */
  public static AutoCloseable inject(Function<Object, RuntimeException> fault) {
    FAULTS.add(fault);
    return () -> FAULTS.remove(fault);
  }

  @Override
  public DynamoDbClient onCreated(BeanCreatedEvent<DynamoDbClient> event) {
    DynamoDbClient real = event.getBean();
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          Method target = method;
          Object[] arguments = args;
          if (args != null && args.length == 1 && args[0] instanceof Consumer<?> consumer
              && method.getGenericParameterTypes()[0] instanceof ParameterizedType type
              && type.getActualTypeArguments()[0] instanceof Class<?> builderType
              && builderType.getEnclosingClass() != null) {
            Class<?> requestType = builderType.getEnclosingClass();
            Object builder = requestType.getMethod("builder").invoke(null);
            @SuppressWarnings("unchecked")
            Consumer<Object> apply = (Consumer<Object>) consumer;
            apply.accept(builder);
            Object request = builderType.getMethod("build").invoke(builder);
            target = DynamoDbClient.class.getMethod(method.getName(), requestType);
            arguments = new Object[] {request};
          }
          if (arguments != null && arguments.length == 1) {
            for (Function<Object, RuntimeException> fault : FAULTS) {
              RuntimeException failure = fault.apply(arguments[0]);
              if (failure != null) {
                throw failure;
              }
            }
          }
          try {
            return target.invoke(real, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
