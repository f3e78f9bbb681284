package dev.scimlambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.random.SecureRandomIds;
import dev.scimlambda.scim.ScimJson;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The verification snippets of docs/events.md, run as printed against deliveries signed by
 * {@link WebhookSignature}: an integrator copying one gets a verifier that works.
 */
class EventsDocSnippetsTest {

  private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"evt_1\",\"type\":\"user.created\",\"data\":{\"é\":1}}";

  @TempDir Path work;

  enum Language {
    NODE("js"), PYTHON("python"), JAVA("java");

    final String fence;

    Language(String fence) {
      this.fence = fence;
    }
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void aDeliverySignedByTheStackVerifies(Language language) throws Exception {
    String secret = newSecret();
    assertThat(verify(language, secret, signed(List.of(secret), now(), BODY), BODY)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void aTamperedBodyDoesNotVerify(Language language) throws Exception {
    String secret = newSecret();
    assertThat(verify(language, secret, signed(List.of(secret), now(), BODY), BODY.replace("user.created", "user.deleted")))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void aDeliverySignedSixMinutesAgoDoesNotVerify(Language language) throws Exception {
    String secret = newSecret();
    assertThat(verify(language, secret, signed(List.of(secret), now() - 360, BODY), BODY)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void duringARotationEitherSecretVerifiesAndAnotherDoesNot(Language language) throws Exception {
    String current = newSecret();
    String previous = newSecret();
    Map<String, String> headers = signed(List.of(current, previous), now(), BODY);
    assertThat(headers.get(WebhookSignature.SIGNATURE_HEADER).split(" ")).hasSize(2);
    assertThat(verify(language, current, headers, BODY)).isTrue();
    assertThat(verify(language, previous, headers, BODY)).isTrue();
    assertThat(verify(language, newSecret(), headers, BODY)).isFalse();
  }

  private static String newSecret() {
    return Webhooks.SECRET_PREFIX + Base64.getEncoder().encodeToString(SecureRandomIds.bytes(32));
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private static Map<String, String> signed(List<String> secrets, long timestamp, String body) {
    return Map.of(
        WebhookSignature.ID_HEADER, "evt_1",
        WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
        WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(secrets, "evt_1", timestamp, body));
  }

  private boolean verify(Language language, String secret, Map<String, String> headers, String body) throws Exception {
    String snippet = snippet(language);
    return switch (language) {
      case JAVA -> verifyWithJava(snippet, secret, headers, body);
      case NODE -> run("node", snippet + """

          const input = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
          process.stdout.write(String(verifyWebhook(input.secret, input.headers, Buffer.from(input.body, "utf8"))));
          """, "verify.js", secret, headers, body);
      case PYTHON -> run("python3", snippet + """

          import json, sys
          _input = json.load(sys.stdin)
          sys.stdout.write(str(verify_webhook(_input["secret"], _input["headers"], _input["body"].encode())).lower())
          """, "verify.py", secret, headers, body);
    };
  }

  private boolean verifyWithJava(String snippet, String secret, Map<String, String> headers, String body)
      throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assumeTrue(compiler != null, "this JVM has no Java compiler to compile the Java snippet with");
    Path source = work.resolve("WebhookVerifier.java");
    Files.writeString(source, snippet);
    assertThat(compiler.run(null, null, null, "-d", work.toString(), source.toString())).as("javac").isZero();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, null)) {
      Method verify = loader.loadClass("WebhookVerifier").getMethod("verify", String.class, Map.class, byte[].class);
      return (Boolean) verify.invoke(null, secret, headers, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private boolean run(String interpreter, String program, String file, String secret, Map<String, String> headers,
      String body) throws Exception {
    assumeTrue(onPath(interpreter), interpreter + " is not installed here, so its snippet cannot be run");
    Path script = work.resolve(file);
    Files.writeString(script, program);
    ObjectNode input = ScimJson.MAPPER.createObjectNode().put("secret", secret).put("body", body);
    headers.forEach(input.putObject("headers")::put);
    Process process = new ProcessBuilder(interpreter, script.toString()).redirectErrorStream(true).start();
    process.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).isIn("true", "false");
    return output.equals("true");
  }

  private static boolean onPath(String command) {
    try {
      Process probe = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The first block fenced with the language's name. */
  private static String snippet(Language language) throws IOException {
    String doc = Files.readString(eventsDoc());
    String open = "```" + language.fence + "\n";
    int start = doc.indexOf(open);
    assertThat(start).as("docs/events.md has a ```%s block", language.fence).isNotNegative();
    int end = doc.indexOf("\n```", start + open.length());
    return doc.substring(start + open.length(), end + 1);
  }

  private static Path eventsDoc() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path doc = dir.resolve("docs/events.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new IllegalStateException("docs/events.md not found above " + Path.of("").toAbsolutePath());
  }
}
