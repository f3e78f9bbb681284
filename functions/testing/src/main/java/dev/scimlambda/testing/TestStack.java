package dev.scimlambda.testing;

import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.dynamodblocal.DynamoDbLocal;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.secrets.LocalFileSecretStore;
import dev.scimlambda.table.TableDefinition;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A deployment in miniature for tests: a fresh table on DynamoDB Local (one server per JVM, one table
 * per stack), a local secret store holding the admin token, and a Micronaut context configured
 * through the same settings a deployed function reads. Handlers are built on {@link #context()}.
 */
public final class TestStack implements AutoCloseable {

  public static final String ADMIN_TOKEN = "admin-token-for-tests";
  public static final String PUBLIC_BASE_URL = "https://scim.example.test";
  public static final String SECRET_PREFIX = "scim-lambda/test";

  private static DynamoDbLocal database;

  private final String tableName;
  private final Path secretsFile;
  private final ApplicationContext context;
  private final DynamoDbLocal db;
  private final boolean ownsDatabase;

  private TestStack(String tableName, Path secretsFile, ApplicationContext context, DynamoDbLocal db,
      boolean ownsDatabase) {
    this.tableName = tableName;
    this.secretsFile = secretsFile;
    this.context = context;
    this.db = db;
    this.ownsDatabase = ownsDatabase;
  }

  public static TestStack start() {
    return start(Map.of());
  }

  /** {@code overrides} replace settings by {@link Setting#property()} name. */
  public static TestStack start(Map<String, Object> overrides) {
    return start(overrides, sharedDatabase(), false);
  }

  /**
   * A stack on a DynamoDB Local of its own, for tests that write hundreds of thousands of stream
   * records: DynamoDB Local describes streams by scanning every table's records, so one such test
   * would slow down every stream read of the tests sharing its database.
   */
  public static TestStack startIsolated(Map<String, Object> overrides) {
    return start(overrides, DynamoDbLocal.inMemory(), true);
  }

  private static TestStack start(Map<String, Object> overrides, DynamoDbLocal db, boolean ownsDatabase) {
    String tableName = "scim-" + UUID.randomUUID();
    try (DynamoDbClient dynamo = db.client()) {
      TableDefinition.load().createIfAbsent(dynamo, tableName);
    }
    Path secretsFile = tempFile();
    SecretNames names = new SecretNames(SECRET_PREFIX);
    new LocalFileSecretStore(secretsFile).putVersion(names.adminToken(), UUID.randomUUID().toString(), ADMIN_TOKEN);
    Map<String, Object> properties = new HashMap<>();
    properties.put(Setting.TABLE_NAME.property(), tableName);
    properties.put(Setting.DYNAMODB_ENDPOINT.property(), db.endpoint().toString());
    properties.put(Setting.SECRET_STORE.property(), "local");
    properties.put(Setting.LOCAL_SECRETS_FILE.property(), secretsFile.toString());
    properties.put(Setting.SECRET_PREFIX.property(), SECRET_PREFIX);
    properties.put(Setting.ADMIN_TOKEN_SECRET_ID.property(), names.adminToken());
    properties.put(Setting.PUBLIC_BASE_URL.property(), PUBLIC_BASE_URL);
    properties.putAll(overrides);
    ApplicationContext context = ApplicationContext.builder().properties(properties).start();
    return new TestStack(tableName, secretsFile, context, db, ownsDatabase);
  }

  private static synchronized DynamoDbLocal sharedDatabase() {
    if (database == null) {
      database = DynamoDbLocal.inMemory();
      Runtime.getRuntime().addShutdownHook(new Thread(database::close));
    }
    return database;
  }

  private static Path tempFile() {
    try {
      Path dir = Files.createTempDirectory("scim-test");
      return dir.resolve("secrets.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ApplicationContext context() {
    return context;
  }

  public String tableName() {
    return tableName;
  }

  public Path secretsFile() {
    return secretsFile;
  }

  public DynamoDbLocal database() {
    return db;
  }

  @Override
  public void close() {
    context.close();
    if (ownsDatabase) {
      db.close();
    }
  }
}
