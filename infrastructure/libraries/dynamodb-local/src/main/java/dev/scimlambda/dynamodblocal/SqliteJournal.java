package dev.scimlambda.dynamodblocal;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteDBAccess;
import com.amazonaws.services.dynamodbv2.model.ListTablesRequest;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * How DynamoDB Local's SQLite file commits. DynamoDB Local opens it with SQLite's defaults, a
 * rollback journal with {@code synchronous=FULL}: every commit waits for three fsyncs, one commit at
 * a time under its write lock, which capped the embedded stack at about 15 user creations a second
 * (13 ms per fsync on the build machine). With a write-ahead log and {@code synchronous=NORMAL} a
 * commit is an append to the log in the OS's page cache, and the log is synced at checkpoints.
 *
 * <p>What that keeps: every acknowledged write survives a stop and a kill of the JVM (the log is in
 * the file system, and the next open replays it); what it gives up: the last commits before an
 * operating-system crash or power cut may be lost, which a development stack can afford.
 *
 * <p>DynamoDB Local has no setting for it and keeps its one SQLite connection private, so this
 * reaches it by the fields of the version the build pins (2.6.x); {@link #apply} fails loudly when
 * they change instead of silently running with the slow journal.
 */
final class SqliteJournal {

  /** The database key DynamoDB Local uses when it runs with {@code -sharedDb}, as we do. */
  private static final String SHARED_DATABASE = "shared-local-instance";

  private SqliteJournal() {}

  /**
   * Switches the persistent database behind {@code handler} to WAL with {@code synchronous=NORMAL};
   * returns its connection's queue, for {@link #awaitClosed}.
   */
  static SQLiteQueue apply(LocalDynamoDBRequestHandler handler) {
    // The database is opened on the first request; any request opens it.
    handler.listTables(DynamoDbLocal.ACCESS_KEY, DynamoDbLocal.REGION.id(), new ListTablesRequest());
    SQLiteQueue queue = queue(handler);
    queue.execute(new SQLiteJob<Void>() {
      @Override
      protected Void job(SQLiteConnection connection) throws Throwable {
        connection.exec("PRAGMA journal_mode=WAL");
        connection.exec("PRAGMA synchronous=NORMAL");
        return null;
      }
    }).complete();
    return queue;
  }

  /**
   * Waits until DynamoDB Local's shutdown has closed the connection: its shutdown only asks the
   * queue to stop, and the last connection to close a WAL database checkpoints it under an exclusive
   * lock, so a restart in the same JVM would otherwise find the file locked.
   */
  static void awaitClosed(SQLiteQueue queue) throws InterruptedException {
    queue.stop(true).join();
  }

  /** The journal mode and synchronous level in force, as SQLite reports them ("wal", 1). */
  static String describe(LocalDynamoDBRequestHandler handler) {
    return queue(handler).execute(new SQLiteJob<String>() {
      @Override
      protected String job(SQLiteConnection connection) throws Throwable {
        return pragma(connection, "journal_mode") + ", synchronous=" + pragma(connection, "synchronous");
      }
    }).complete();
  }

  private static String pragma(SQLiteConnection connection, String name) throws Exception {
    var statement = connection.prepare("PRAGMA " + name);
    try {
      statement.step();
      return statement.columnString(0);
    } finally {
      statement.dispose();
    }
  }

  private static SQLiteQueue queue(LocalDynamoDBRequestHandler handler) {
    try {
      Map<?, ?> databases = (Map<?, ?>) field(LocalDynamoDBRequestHandler.class, "dbRequestHandlers").get(handler);
      Object client = databases.get(SHARED_DATABASE);
      Object access = field(client.getClass(), "dbAccess").get(client);
      return (SQLiteQueue) field(SQLiteDBAccess.class, "queue").get((SQLiteDBAccess) access);
    } catch (ReflectiveOperationException | ClassCastException | NullPointerException e) {
      throw new IllegalStateException(
          "DynamoDB Local's SQLite connection is not where version 2.6 keeps it; update SqliteJournal", e);
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
