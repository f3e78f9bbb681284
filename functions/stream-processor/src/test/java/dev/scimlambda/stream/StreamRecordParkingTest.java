package dev.scimlambda.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimlambda.appusers.AppUser;
import dev.scimlambda.appusers.AppUserStore;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.connection.IssuedConnection;
import dev.scimlambda.dynamodblocal.StreamEventSourceMapping;
import dev.scimlambda.events.RetryPolicy;
import dev.scimlambda.persistence.DynamoUserStore;
import dev.scimlambda.scim.api.ScimApiHandler;
import dev.scimlambda.testing.ApiCall;
import dev.scimlambda.testing.ApiResult;
import dev.scimlambda.testing.TestLambdaContext;
import dev.scimlambda.testing.TestStack;
import dev.scimlambda.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record the app user projection cannot apply, on the table's real stream: it is parked with its
 * images, the stream goes on for the other workspace, and a redrive once the fault is gone makes
 * the missing app user appear.
 */
class StreamRecordParkingTest {

  @TempDir Path dir;
  private TestStack stack;
  private ScimApiHandler scim;
  private IssuedConnection broken;
  private IssuedConnection healthy;
  private FileParkedRecords parked;
  private FaultyForConnection faulty;
  private ChangeProcessor processor;

  /** The real app user projection, failing for one connection's SCIM user records while its fault is on. */
  static final class FaultyForConnection implements Projection {
    final Projection real;
    final String connectionId;
    volatile boolean fault = true;

    FaultyForConnection(Projection real, String connectionId) {
      this.real = real;
      this.connectionId = connectionId;
    }

    @Override
    public void apply(ChangeRecord change) {
      var image = change.newImage().isEmpty() ? change.oldImage() : change.newImage();
      var connection = image.get("connectionId");
      if (fault && DynamoUserStore.ENTITY.equals(change.entity()) && connection != null
          && connectionId.equals(connection.s())) {
        throw new IllegalStateException("injected fault for " + connectionId);
      }
      real.apply(change);
    }
  }

  @BeforeEach
  void start() {
    stack = TestStack.start();
    Workspaces workspaces = stack.context().getBean(Workspaces.class);
    workspaces.ensureDefault();
    workspaces.create(Optional.of("acme"), "Acme", null);
    Connections connections = stack.context().getBean(Connections.class);
    broken = connections.create("acme", "Okta", "okta");
    healthy = connections.create("default", "Entra", "azure");
    scim = new ScimApiHandler(stack.context());
    parked = new FileParkedRecords(dir.resolve("parked.jsonl"));
    faulty = new FaultyForConnection(stack.context().getBean(AppUserProjection.class), broken.connection().id());
    processor = new ChangeProcessor(List.of(faulty), Optional.of(parked),
        new RetryPolicy(2, Duration.ZERO, Duration.ZERO), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private StreamEventSourceMapping mapping() {
    String arn;
    try (var dynamo = stack.database().client()) {
      arn = dynamo.describeTable(b -> b.tableName(stack.tableName())).table().latestStreamArn();
    }
    StreamHandler handler = new StreamHandler(stack.context());
    handler.processor = processor;
    var options = new StreamEventSourceMapping.Options(100, 2, Duration.ofMillis(50), null, dir.resolve("on-failure.jsonl"));
    return new StreamEventSourceMapping(stack.database().streamsClient(), arn, handler, TestLambdaContext::new, options);
  }

  private String createUser(IssuedConnection connection, String userName) {
    ApiResult created = ApiCall.of("POST", "/scim/v2/" + connection.connection().id() + "/Users")
        .bearer(connection.bearerToken())
        .body("application/scim+json",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}")
        .invoke(scim);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** The SCIM API links a new user to a person at once; the projection derives the person's profile. */
  private List<String> appUserNames(String workspaceId) {
    return stack.context().getBean(AppUserStore.class).page(workspaceId, null, 100).users().stream()
        .map(AppUser::userName).toList();
  }

  private List<JsonNode> parkedLines() throws Exception {
    if (!Files.exists(parked.file())) {
      return List.of();
    }
    ObjectMapper json = new ObjectMapper();
    return Files.readAllLines(parked.file()).stream().filter(l -> !l.isBlank()).map(l -> {
      try {
        return json.readTree(l);
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }).toList();
  }

  private RedriveReport redrive() {
    return new StreamRedrive(processor, parked, keys -> Optional.empty()).run(() -> true);
  }

  @Test
  void aRecordItsProjectionCannotApplyIsParkedWithItsImages() throws Exception {
    String ada = createUser(broken, "ada@acme.example");

    mapping().poll();

    assertThat(parkedLines()).singleElement().satisfies(line -> {
      assertThat(line.get("eventName").asText()).isEqualTo("INSERT");
      assertThat(line.get("projection").asText()).isEqualTo("FaultyForConnection");
      assertThat(line.get("failure").asText()).isEqualTo("java.lang.IllegalStateException");
      assertThat(line.at("/keys/sk/S").asText()).isEqualTo("USER#" + ada);
      assertThat(line.at("/newImage/id/S").asText()).isEqualTo(ada);
      assertThat(line.at("/newImage/document/S").asText()).contains("ada@acme.example");
      assertThat(line.get("oldImage").isEmpty()).isTrue();
      assertThat(line.get("sequenceNumber").asText()).isNotBlank();
      assertThat(line.get("recordedAt").asText()).isNotBlank();
    });
    assertThat(parkedLines().toString()).doesNotContain("injected fault");
  }

  @Test
  void theStreamMovesOnToOtherWorkspacesRecords() {
    createUser(broken, "ada@acme.example");
    createUser(healthy, "grace@example.com");

    mapping().poll();

    assertThat(appUserNames("default")).containsExactly("grace@example.com");
    assertThat(appUserNames("acme")).doesNotContain("ada@acme.example");
    assertThat(dir.resolve("on-failure.jsonl")).doesNotExist();
  }

  @Test
  void redriveOnceTheFaultIsGoneMakesTheMissingAppUserAppear() throws Exception {
    createUser(broken, "ada@acme.example");
    mapping().poll();
    faulty.fault = false;

    RedriveReport report = redrive();

    assertThat(report.applied()).isEqualTo(1);
    assertThat(report.stillFailing()).isZero();
    assertThat(report.byProjection()).containsEntry("FaultyForConnection", new RedriveReport.Outcome(1, 0));
    assertThat(appUserNames("acme")).containsExactly("ada@acme.example");
    assertThat(parkedLines()).isEmpty();
  }

  @Test
  void redrivingTwiceChangesNothing() {
    createUser(broken, "ada@acme.example");
    mapping().poll();
    faulty.fault = false;
    redrive();
    var after = stack.context().getBean(AppUserStore.class).page("acme", null, 100).users();

    RedriveReport second = redrive();

    assertThat(second.applied()).isZero();
    assertThat(second.stillFailing()).isZero();
    assertThat(stack.context().getBean(AppUserStore.class).page("acme", null, 100).users()).isEqualTo(after);
  }

  @Test
  void aRecordThatStillFailsStaysParked() throws Exception {
    createUser(broken, "ada@acme.example");
    mapping().poll();

    RedriveReport report = redrive();

    assertThat(report.applied()).isZero();
    assertThat(report.stillFailing()).isEqualTo(1);
    assertThat(parkedLines()).hasSize(1);
    assertThat(appUserNames("acme")).doesNotContain("ada@acme.example");
  }
}
