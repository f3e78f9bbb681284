package dev.scimlambda.runtime.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * Metrics go to stdout in Embedded Metric Format through Powertools, under the namespace and service
 * the template sets as POWERTOOLS_METRICS_NAMESPACE and POWERTOOLS_SERVICE_NAME (Micronaut reads
 * them as the properties below, which is how tests and the embedded stack set them). Without a
 * namespace nothing is written: the embedded stack's output stays readable.
 */
@Factory
public class MetricsWiring {

  static final String NAMESPACE_PROPERTY = "powertools.metrics.namespace";
  static final String SERVICE_PROPERTY = "powertools.service.name";
  /** Powertools' own name for a service nobody named. */
  static final String UNNAMED_SERVICE = "service_undefined";

  @Singleton
  InvocationMetrics invocationMetrics(PropertyResolver properties) {
    InvocationMetrics.Destination destination = property(properties, NAMESPACE_PROPERTY)
        .map(MetricsWiring::embeddedMetricFormat)
        .orElse((name, count, dimensions) -> {});
    return new InvocationMetrics(destination, property(properties, SERVICE_PROPERTY).orElse(UNNAMED_SERVICE));
  }

  private static Optional<String> property(PropertyResolver properties, String name) {
    return properties.get(name, String.class).filter(v -> !v.isBlank());
  }

  /**
   * Writes to stdout through Powertools, one EMF document per metric ({@code flushSingleMetric}):
   * Powertools' per-invocation context gives every metric of a flush the same dimension sets, while
   * ScimRequests has four dimensions, SeatRefusals only Service (the alarm's), and one stream batch
   * can count webhook and EventBridge deliveries.
   */
  public static InvocationMetrics.Destination embeddedMetricFormat(String namespace) {
    // Outside Lambda (tests, a local run) the EMF library would look for ECS and EC2 metadata and
    // then send to a CloudWatch agent; these functions write to stdout wherever they run.
    if (EnvironmentConfigurationProvider.getConfig().getEnvironmentOverride() == Environments.Unknown) {
      EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
    }
    // Not MetricsFactory.getMetricsInstance(): loading MetricsFactory registers a SnapStart hook that
    // initializes every class Powertools lists as worth preloading, its AspectJ aspect included, and
    // without aspectjrt (which only the annotation API needs) that throws NoClassDefFoundError in
    // beforeCheckpoint. The provider builds the same EMF-backed instance.
    Metrics metrics = new EmfMetricsProvider().getMetricsInstance();
    return new InvocationMetrics.Destination() {
      @Override
      public void write(String metricName, long count, Map<String, String> dimensions) {
        metrics.flushSingleMetric(metricName, count, MetricUnit.COUNT, namespace, DimensionSet.of(dimensions));
      }

      /** Serializes a document as a flush would, and drops it: the first flush costs 0.5 s otherwise. */
      @Override
      public void prepare() {
        try {
          MetricsContext document = new MetricsContext();
          document.setNamespace(namespace);
          document.putDimension(software.amazon.cloudwatchlogs.emf.model.DimensionSet.of("Service", "priming"));
          document.putMetric("Priming", 1, Unit.COUNT);
          document.serialize();
        } catch (JsonProcessingException | RuntimeException e) {
          // Only a warm-up: the first real flush pays for it.
        }
      }
    };
  }
}
