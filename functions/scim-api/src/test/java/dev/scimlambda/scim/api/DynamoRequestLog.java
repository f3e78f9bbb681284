package dev.scimlambda.scim.api;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Test-only: wraps the function's DynamoDB client so a test can see which requests one SCIM call
 * makes (the requests of the calling thread while {@link #record} runs). Paginators issue their
 * pages inside the SDK and are not seen.
 */
@Singleton
final class DynamoRequestLog implements BeanCreatedEventListener<DynamoDbClient> {

  private static final ThreadLocal<List<Object>> RECORDING = new ThreadLocal<>();

  /** The requests {@code call} made on this thread. */
  static List<Object> record(Runnable call) {
    List<Object> requests = new ArrayList<>();
    RECORDING.set(requests);
    try {
      call.run();
    } finally {
      RECORDING.remove();
    }
    return requests;
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
          List<Object> recording = RECORDING.get();
          if (recording != null && arguments != null && arguments.length == 1) {
            recording.add(arguments[0]);
          }
          try {
            return target.invoke(real, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
