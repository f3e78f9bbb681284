package dev.scimlambda.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Test-only: a DynamoDB client that shows each request to an observer before the real client runs
 * it. Calls made with a builder consumer ({@code getItem(b -> ...)}) are turned into the request
 * object first, so the observer always sees a {@code GetItemRequest}, never a lambda. The observer
 * may throw to fail the request before it reaches DynamoDB. Paginators issue their later pages
 * inside the SDK and are not seen.
 */
public final class DynamoRequests {

  private DynamoRequests() {}

  public static DynamoDbClient observed(DynamoDbClient real, Consumer<Object> observer) {
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
            observer.accept(arguments[0]);
          }
          try {
            return target.invoke(real, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
