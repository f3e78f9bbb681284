package dev.scimlambda.dynamodblocal;

import com.almworks.sqlite4java.SQLiteQueue;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Local running inside this JVM and listening on 127.0.0.1 only.
 *
 * <p>We assemble the Jetty server ourselves instead of calling {@code ServerRunner}: the stock runner
 * binds every interface and configures telemetry, and nothing of ours may reach past loopback.
 * Clients talk to it over HTTP through the real AWS SDK, so request marshalling is exercised exactly
 * as against the service.
 */
public final class DynamoDbLocal implements AutoCloseable {

  /** DynamoDB Local keys its databases by access key and region; fixed values make it one database. */
  public static final String ACCESS_KEY = "local";
  public static final Region REGION = Region.US_EAST_1;

  private final Server jetty;
  private final LocalDynamoDBRequestHandler database;
  private final URI endpoint;
  /** The SQLite connection's queue of a persistent database; null in memory. */
  private final SQLiteQueue sqlite;

  private DynamoDbLocal(Server jetty, LocalDynamoDBRequestHandler database, URI endpoint, SQLiteQueue sqlite) {
    this.jetty = jetty;
    this.database = database;
    this.endpoint = endpoint;
    this.sqlite = sqlite;
  }

  /** Starts an in-memory database on a free loopback port. */
  public static DynamoDbLocal inMemory() {
    return start(0, null);
  }

  /** Starts a database kept under {@code dataDir} on the given loopback port (0 picks a free one). */
  public static DynamoDbLocal persistent(int port, Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dataDir, e);
    }
    return start(port, dataDir);
  }

  private static DynamoDbLocal start(int port, Path dataDir) {
    NativeLibraries.install();
    try {
      var requestHandler =
          new LocalDynamoDBRequestHandler(
              0, dataDir == null, dataDir == null ? null : dataDir.toAbsolutePath().toString(), true, false);
      var serverHandler = new LocalDynamoDBServerHandler(requestHandler, null);
      Server jetty = new Server();
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost("127.0.0.1");
      connector.setPort(port);
      jetty.addConnector(connector);
      ContextHandler context = new ContextHandler("/");
      context.setHandler(serverHandler);
      jetty.setHandler(context);
      jetty.start();
      SQLiteQueue sqlite = dataDir == null ? null : SqliteJournal.apply(requestHandler);
      return new DynamoDbLocal(jetty, requestHandler, URI.create("http://127.0.0.1:" + connector.getLocalPort()), sqlite);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start", e);
    }
  }

  /** SQLite's journal mode and synchronous level of this database (see {@link SqliteJournal}). */
  String sqliteJournal() {
    return SqliteJournal.describe(database);
  }

  public URI endpoint() {
    return endpoint;
  }

  public DynamoDbClient client() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public DynamoDbStreamsClient streamsClient() {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "local"));
  }

  @Override
  public void close() {
    try {
      jetty.stop();
      // Closes the SQLite files; without it a restart on the same folder finds them locked.
      database.shutdown();
      if (sqlite != null) {
        SqliteJournal.awaitClosed(sqlite);
      }
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  /** Copies sqlite4java's native libraries out of this jar once per JVM and points sqlite4java at them. */
  static final class NativeLibraries {
    private static final String[] FILES = {
      "libsqlite4java-linux-amd64.so", "libsqlite4java-osx.dylib", "sqlite4java-win32-x64.dll"
    };
    private static Path installed;

    static synchronized void install() {
      if (installed != null) {
        return;
      }
      try {
        Path dir = Files.createTempDirectory("sqlite4java");
        for (String file : FILES) {
          try (InputStream in = DynamoDbLocal.class.getResourceAsStream("natives/" + file)) {
            if (in != null) {
              Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
        dir.toFile().deleteOnExit();
        System.setProperty("sqlite4java.library.path", dir.toString());
        installed = dir;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot unpack sqlite4java natives", e);
      }
    }
  }
}
