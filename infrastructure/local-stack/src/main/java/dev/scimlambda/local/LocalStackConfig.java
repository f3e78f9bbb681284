package dev.scimlambda.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the embedded stack is started: from the environment ({@code PORT}, {@code SCIM_DATA_DIR},
 * {@code SCIM_ADMIN_TOKEN}, {@code SCIM_THROTTLE_RATE_LIMIT}, {@code SCIM_THROTTLE_BURST_LIMIT}) and
 * the {@code --in-memory} flag, so scripts and tests start it alike.
 *
 * @param port 0 picks a free port
 * @param dataDir where DynamoDB Local, the secret store and stream checkpoints keep their files;
 *     unused in memory
 * @param throttle the gateway's per-route throttling, as the deployed HTTP API's; empty is none
 */
public record LocalStackConfig(
    int port, Path dataDir, boolean inMemory, Optional<String> adminToken, Optional<ThrottleLimits> throttle) {

  static final int DEFAULT_PORT = 8080;
  static final Path DEFAULT_DATA_DIR = Path.of(".scim-local");

  /** Unthrottled. */
  public LocalStackConfig(int port, Path dataDir, boolean inMemory, Optional<String> adminToken) {
    this(port, dataDir, inMemory, adminToken, Optional.empty());
  }

  public static LocalStackConfig from(Map<String, String> environment, List<String> arguments) {
    int port = Optional.ofNullable(environment.get("PORT")).map(LocalStackConfig::port).orElse(DEFAULT_PORT);
    Path dataDir = Optional.ofNullable(environment.get("SCIM_DATA_DIR")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(DEFAULT_DATA_DIR);
    boolean inMemory = arguments.contains("--in-memory");
    Optional<String> adminToken = Optional.ofNullable(environment.get("SCIM_ADMIN_TOKEN")).filter(s -> !s.isBlank());
    return new LocalStackConfig(port, dataDir, inMemory, adminToken, ThrottleLimits.from(environment));
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a port number (0-65535), not '" + value + "'");
    }
  }
}
