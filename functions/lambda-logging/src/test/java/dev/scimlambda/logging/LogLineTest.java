package dev.scimlambda.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** What log4j2.properties makes of an SLF4J call: one JSON object per line on stdout, masked. */
class LogLineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aWarningWithAnExceptionIsOneJsonLineWithItsFieldsAndNoEmailOrCredential() throws Exception {
    MDC.put("AWSRequestId", "lambda-1");
    MDC.put("workspaceId", "acme");
    List<JsonNode> lines;
    try {
      lines = captured(() -> LoggerFactory.getLogger("spec").warn("user bob.smith@example.com sent Bearer s3cr3t-token",
          new IllegalStateException("no match for alice@example.org with Authorization: Basic dXNlcjpwYXNz")));
    } finally {
      MDC.clear();
    }

    assertThat(lines).hasSize(1);
    JsonNode line = lines.get(0);
    assertThat(line.path("level").asText()).isEqualTo("WARN");
    assertThat(line.path("logger").asText()).isEqualTo("spec");
    assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(line.path("requestId").asText()).isEqualTo("lambda-1");
    assertThat(line.path("workspaceId").asText()).isEqualTo("acme");
    assertThat(line.path("message").asText()).isEqualTo("user b***@example.com sent Bearer [redacted]");
    assertThat(line.path("exception").path("class").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(line.path("exception").path("message").asText())
        .isEqualTo("no match for a***@example.org with Authorization: Basic [redacted]");
    assertThat(line.path("exception").path("stack").asText()).contains("LogLineTest").doesNotContain("alice@");
  }

  @Test
  void aLineWithoutExceptionOrRequestFieldsHasNeither() throws Exception {
    List<JsonNode> lines = captured(() -> LoggerFactory.getLogger("spec").info("started"));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).has("exception")).isFalse();
    assertThat(lines.get(0).has("requestId")).isFalse();
    assertThat(lines.get(0).path("message").asText()).isEqualTo("started");
  }

  @Test
  void debugIsBelowTheDefaultLevel() throws Exception {
    assertThat(captured(() -> LoggerFactory.getLogger("spec").debug("detail"))).isEmpty();
  }

  /** Lambda's appender writes to whatever System.out is when it logs (outside Lambda). */
  private static List<JsonNode> captured(Runnable logging) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      logging.run();
    } finally {
      System.setOut(original);
    }
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
