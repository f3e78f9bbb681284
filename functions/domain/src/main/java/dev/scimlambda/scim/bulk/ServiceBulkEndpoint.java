package dev.scimlambda.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimlambda.scim.resource.ETags;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A resource type as a bulk target through the same service calls its own endpoint makes
 * ({@code Users}, {@code Groups}), so an operation inside {@code /Bulk} behaves exactly as the
 * request it stands for.
 *
 * @param <R> what the service's writes return
 */
public final class ServiceBulkEndpoint<R> implements BulkEndpoint {

  /** A POST: the new resource. */
  @FunctionalInterface
  public interface Create<R> {
    R create(String connectionId, JsonNode data);
  }

  /** A PUT or PATCH of resource {@code id}, conditional on {@code ifMatch} when it is set. */
  @FunctionalInterface
  public interface Change<R> {
    R change(String connectionId, String id, JsonNode data, String ifMatch);
  }

  /** A DELETE of resource {@code id}, conditional on {@code ifMatch} when it is set. */
  @FunctionalInterface
  public interface Delete {
    void delete(String connectionId, String id, String ifMatch);
  }

  private final String path;
  private final Create<R> create;
  private final Change<R> replace;
  private final Change<R> patch;
  private final Delete delete;
  private final Function<R, String> id;
  private final ToLongFunction<R> version;

  public ServiceBulkEndpoint(String path, Create<R> create, Change<R> replace, Change<R> patch, Delete delete,
      Function<R, String> id, ToLongFunction<R> version) {
    this.path = path;
    this.create = create;
    this.replace = replace;
    this.patch = patch;
    this.delete = delete;
    this.id = id;
    this.version = version;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Written create(String connectionId, JsonNode data) {
    return written(create.create(connectionId, data));
  }

  @Override
  public Written replace(String connectionId, String resourceId, JsonNode data, String ifMatch) {
    return written(replace.change(connectionId, resourceId, data, ifMatch));
  }

  @Override
  public Written patch(String connectionId, String resourceId, JsonNode data, String ifMatch) {
    return written(patch.change(connectionId, resourceId, data, ifMatch));
  }

  @Override
  public void delete(String connectionId, String resourceId, String ifMatch) {
    delete.delete(connectionId, resourceId, ifMatch);
  }

  private Written written(R resource) {
    return new Written(id.apply(resource), ETags.of(version.applyAsLong(resource)));
  }
}
