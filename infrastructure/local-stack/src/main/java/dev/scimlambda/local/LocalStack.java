package dev.scimlambda.local;

import dev.scimlambda.admin.api.AdminApiHandler;
import dev.scimlambda.admin.console.ConsoleController;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.dynamodblocal.DynamoDbLocal;
import dev.scimlambda.dynamodblocal.StreamEventSourceMapping;
import dev.scimlambda.random.SecureRandomIds;
import dev.scimlambda.directorysync.SyncDispatch;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.scim.api.ScimApiHandler;
import dev.scimlambda.secrets.LocalFileSecretStore;
import dev.scimlambda.events.delivery.WebhookDeliveries;
import dev.scimlambda.stream.DirectoryWebhookOutbox;
import dev.scimlambda.stream.LocalWebhookDelivery;
import dev.scimlambda.stream.RedriveReport;
import dev.scimlambda.stream.StreamHandler;
import dev.scimlambda.stream.StreamRedrive;
import dev.scimlambda.table.TableDefinition;
import dev.scimlambda.workspace.Workspaces;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole system on one machine: the Lambda handlers behind a loopback HTTP gateway, DynamoDB
 * Local with its stream delivered to the stream handler, and a file-backed secret store. The
 * handlers read the same settings they read in Lambda; only their values point here.
 */
public final class LocalStack implements AutoCloseable {

  static final String TABLE_NAME = "scim-local";
  static final String SECRET_PREFIX = "scim-lambda/local";
  /** Stream records a projection could not apply, with their images, until {@link #redrive()}. */
  static final String PARKED_RECORDS_FILE = "stream-records-parked.jsonl";
  static final Duration STREAM_DRAIN = Duration.ofSeconds(10);
  /** The webhook outbox: one file per event waiting for delivery (see DirectoryWebhookOutbox). */
  static final String WEBHOOK_OUTBOX_DIRECTORY = "webhook-outbox";
  /** How long stopping waits for the webhook attempt under way; an unfinished one is retried after a start. */
  static final Duration DELIVERY_DRAIN = Duration.ofSeconds(15);

  private final DynamoDbLocal database;
  private final ApplicationContext context;
  private final ApplicationContext streamContext;
  private final ApplicationContext deliveryContext;
  private final StreamEventSourceMapping streamMapping;
  private final DirectoryWebhookOutbox webhookOutbox;
  private final LocalWebhookDelivery webhookDelivery;
  private final LocalHttpGateway gateway;
  private final String adminToken;
  private final Path dataDir;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalStack(
      DynamoDbLocal database,
      ApplicationContext context,
      ApplicationContext streamContext,
      ApplicationContext deliveryContext,
      StreamEventSourceMapping streamMapping,
      DirectoryWebhookOutbox webhookOutbox,
      LocalWebhookDelivery webhookDelivery,
      LocalHttpGateway gateway,
      String adminToken,
      Path dataDir) {
    this.database = database;
    this.context = context;
    this.streamContext = streamContext;
    this.deliveryContext = deliveryContext;
    this.streamMapping = streamMapping;
    this.webhookOutbox = webhookOutbox;
    this.webhookDelivery = webhookDelivery;
    this.gateway = gateway;
    this.adminToken = adminToken;
    this.dataDir = dataDir;
  }

  public static LocalStack start(LocalStackConfig config) {
    Path dataDir = config.inMemory() ? temporaryDirectory() : config.dataDir().toAbsolutePath();
    DynamoDbLocal database =
        config.inMemory() ? DynamoDbLocal.inMemory() : DynamoDbLocal.persistent(0, dataDir.resolve("dynamodb"));
    String streamArn;
    try (DynamoDbClient dynamo = database.client()) {
      TableDefinition.load().createIfAbsent(dynamo, TABLE_NAME);
      streamArn = dynamo.describeTable(b -> b.tableName(TABLE_NAME)).table().latestStreamArn();
    }
    Path secretsFile = dataDir.resolve("secrets.json");
    SecretNames names = new SecretNames(SECRET_PREFIX);
    String adminToken = adminToken(new LocalFileSecretStore(secretsFile), names.adminToken(), config.adminToken());
    int port = config.port() == 0 ? freePort() : config.port();

    Map<String, Object> settings = Map.ofEntries(
        Map.entry(Setting.TABLE_NAME.property(), TABLE_NAME),
        Map.entry(Setting.DYNAMODB_ENDPOINT.property(), database.endpoint().toString()),
        Map.entry(Setting.SECRET_STORE.property(), "local"),
        Map.entry(Setting.LOCAL_SECRETS_FILE.property(), secretsFile.toString()),
        Map.entry(Setting.SECRET_PREFIX.property(), SECRET_PREFIX),
        Map.entry(Setting.ADMIN_TOKEN_SECRET_ID.property(), names.adminToken()),
        Map.entry(Setting.PUBLIC_BASE_URL.property(), "http://localhost:" + port),
        Map.entry(Setting.STREAM_RECORD_FAILURES_FILE.property(), dataDir.resolve(PARKED_RECORDS_FILE).toString()),
        Map.entry(Setting.WEBHOOK_OUTBOX_DIRECTORY.property(), dataDir.resolve(WEBHOOK_OUTBOX_DIRECTORY).toString()),
        // No sync queue here: Directory Sync runs go on in this process, and it ticks the schedule.
        Map.entry(Setting.SYNC_LOCAL_SCHEDULER.property(), "true"),
        // Everything here is on this machine: a directory stub on loopback (the console's browser
        // test, a local trial) is reachable over plain http, as the deployed functions never allow.
        Map.entry(Setting.SYNC_ALLOW_LOOPBACK_HTTP.property(), "true"));
    ApplicationContext context = ApplicationContext.builder().properties(settings).start();
    // Created now rather than at the first admin request, so the schedule ticks from the start.
    context.getBean(SyncDispatch.class);
    // The stream handler gets a context of its own, as it is a function of its own in AWS. The HTTP
    // handlers' library registers JVM shutdown hooks that close their context the moment SIGTERM
    // arrives; sharing it, the stream batch in flight would lose its beans mid-way.
    ApplicationContext streamContext = ApplicationContext.builder().properties(settings).start();
    // The delivery function's context, as it is a function of its own in AWS. It shares the
    // stream's outbox object, so an enqueued event wakes the worker at once.
    ApplicationContext deliveryContext = ApplicationContext.builder().properties(settings).start();
    DirectoryWebhookOutbox webhookOutbox = streamContext.getBean(DirectoryWebhookOutbox.class);
    LocalWebhookDelivery webhookDelivery =
        new LocalWebhookDelivery(webhookOutbox, deliveryContext.getBean(WebhookDeliveries.class), Clock.systemUTC())
            .start();
    context.getBean(Workspaces.class).ensureDefault();

    StreamEventSourceMapping streamMapping =
        new StreamEventSourceMapping(
            database.streamsClient(),
            streamArn,
            new StreamHandler(streamContext),
            () -> new LocalLambdaContext("stream"),
            StreamEventSourceMapping.Options.defaults(
                config.inMemory() ? null : dataDir.resolve("stream-checkpoints.json"),
                dataDir.resolve("stream-failures.jsonl")));
    streamMapping.start();

    AdminApiHandler adminApi = new AdminApiHandler(context);
    LocalHttpGateway gateway =
        LocalHttpGateway.start(
            port,
            List.of(
                new LocalHttpGateway.Route("/scim/v2/", "scim-api", new ScimApiHandler(context)),
                new LocalHttpGateway.Route("/admin/v1/", "admin-api", adminApi),
                new LocalHttpGateway.Route(ConsoleController.ROOT, "admin-api", adminApi)),
            config.throttle());
    return new LocalStack(database, context, streamContext, deliveryContext, streamMapping, webhookOutbox,
        webhookDelivery, gateway, adminToken, dataDir);
  }

  /**
   * The token the admin API accepts: {@code SCIM_ADMIN_TOKEN} when given (stored as the new current
   * version if it differs), else the one kept from an earlier start, else a new random one.
   */
  private static String adminToken(LocalFileSecretStore secrets, String secretId, Optional<String> requested) {
    Optional<String> kept = secrets.current(secretId);
    String token = requested.orElseGet(() -> kept.orElseGet(() -> "admin_" + SecureRandomIds.base64Url(32)));
    if (!kept.equals(Optional.of(token))) {
      secrets.putVersion(secretId, UUID.randomUUID().toString(), token);
    }
    return token;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("scim-local");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://localhost:" + gateway.port();
  }

  /** Where the admin console is, or empty when this build has none (npm was absent). */
  public Optional<String> consoleUrl() {
    return ConsoleController.built() ? Optional.of(baseUrl() + ConsoleController.ROOT + "/") : Optional.empty();
  }

  public int port() {
    return gateway.port();
  }

  public String adminToken() {
    return adminToken;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Delivers what the stream holds now; tests use it to wait for derived work. */
  public void drainStream() {
    streamMapping.poll();
  }

  /** Re-applies the parked stream records (docs/operations.md); {@code scim-local.jar --redrive}. */
  public RedriveReport redrive() {
    return streamContext.getBean(StreamRedrive.class).run(() -> true);
  }

  /** Events waiting for delivery to workspaces' webhooks, and those given up on. */
  public DirectoryWebhookOutbox webhookOutbox() {
    return webhookOutbox;
  }

  public Path parkedRecordsFile() {
    return dataDir.resolve(PARKED_RECORDS_FILE);
  }

  /** For tests that write items no API would (a poison record). */
  DynamoDbLocal database() {
    return database;
  }

  /**
   * Stops in the order that loses nothing: the gateway stops taking requests, the stream mapping
   * finishes its batch in flight (up to {@link #STREAM_DRAIN}; past that the batch is abandoned
   * without moving the checkpoint), the webhook worker finishes its attempt under way (up to
   * {@link #DELIVERY_DRAIN}; events not delivered stay in the outbox directory for the next start),
   * then the handlers' contexts close, and DynamoDB Local last,
   * closing its SQLite files. What is still queued on the stream is delivered on the next start
   * from the saved checkpoint. Runs once, whether from a test or from the JVM's shutdown hook.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    gateway.close();
    streamMapping.stop(STREAM_DRAIN);
    webhookDelivery.stop(DELIVERY_DRAIN);
    closeIfRunning(deliveryContext);
    closeIfRunning(streamContext);
    closeIfRunning(context);
    database.close();
  }

  private static void closeIfRunning(ApplicationContext context) {
    // The HTTP handlers' own shutdown hook may have closed theirs already.
    if (context.isRunning()) {
      context.close();
    }
  }
}
