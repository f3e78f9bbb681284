package dev.scimlambda.scim.api;

import dev.scimlambda.testing.DynamoRequests;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Test-only: wraps the function's DynamoDB client so a test can see which requests one SCIM call
 * makes (the requests of the calling thread while {@link #record} runs), through
 * {@link DynamoRequests}.
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
    return DynamoRequests.observed(event.getBean(), request -> {
      List<Object> recording = RECORDING.get();
      if (recording != null) {
        recording.add(request);
      }
    });
  }
}
