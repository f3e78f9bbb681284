package dev.scimlambda.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    return DynamoRequests.observed(event.getBean(), request -> {
      for (Function<Object, RuntimeException> fault : FAULTS) {
        RuntimeException failure = fault.apply(request);
        if (failure != null) {
          throw failure;
        }
      }
    });
  }
}
