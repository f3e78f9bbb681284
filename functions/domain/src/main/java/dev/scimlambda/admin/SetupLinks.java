package dev.scimlambda.admin;

import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.random.SecureRandomIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Setup links (the operator hands a customer's IT admin a URL instead of a credential): single use,
 * expiring (30 minutes unless asked otherwise, at most 7 days). Redeeming one opens a short console
 * session for that one workspace. Only hashes of the link and session tokens are stored, so the
 * table does not hold a usable credential.
 */
public final class SetupLinks {

  public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(30);
  public static final Duration MAX_VALIDITY = Duration.ofDays(7);
  /** Long enough to add a connection and follow the IdP's steps; short enough that a left-open tab expires. */
  public static final Duration SESSION = Duration.ofHours(1);
  /** Who a setup-link session acts as in the audit trail. */
  public static final String ACTOR = "setup-link";
  private static final int TOKEN_BYTES = 32;
  /** Base64url of 32 bytes is 43 characters; anything longer is not ours and is not hashed. */
  private static final int MAX_TOKEN_LENGTH = 64;

  private final SetupLinkStore store;
  private final Clock clock;

  public SetupLinks(SetupLinkStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public record Minted(String token, Instant expiresAt) { }

  public record Session(String token, String workspaceId, Instant expiresAt) { }

  /** {@code minutes}: null for the default; 1 to 10080 (7 days). */
  public Minted mint(String workspaceId, Integer minutes) {
    Duration validity = minutes == null ? DEFAULT_VALIDITY : Duration.ofMinutes(minutes);
    if (minutes != null && (minutes < 1 || validity.compareTo(MAX_VALIDITY) > 0)) {
      throw new InvalidInputException("expiresInMinutes",
          "expiresInMinutes must be from 1 to " + MAX_VALIDITY.toMinutes() + " (7 days)");
    }
    String token = SecureRandomIds.base64Url(TOKEN_BYTES);
    Instant expiresAt = clock.instant().plus(validity);
    store.saveLink(hash(token), workspaceId, expiresAt);
    return new Minted(token, expiresAt);
  }

  /** The first redemption of an unexpired link opens a session; every other one is empty. */
  public Optional<Session> redeem(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return store.redeem(hash(token), now).map(workspaceId -> {
      String session = SecureRandomIds.base64Url(TOKEN_BYTES);
      Instant expiresAt = now.plus(SESSION);
      store.saveSession(hash(session), workspaceId, expiresAt);
      return new Session(session, workspaceId, expiresAt);
    });
  }

  /** The admin of one workspace a live session token stands for. */
  public Optional<AdminPrincipal> signedIn(String sessionToken) {
    if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    return store.sessionWorkspace(hash(sessionToken), clock.instant())
        .map(ws -> AdminPrincipal.workspaceAdmin(ACTOR, Set.of(ws)));
  }

  /** Ends a session before its hour is up (the console's sign-out). */
  public void signOut(String sessionToken) {
    if (sessionToken != null && !sessionToken.isEmpty() && sessionToken.length() <= MAX_TOKEN_LENGTH) {
      store.endSession(hash(sessionToken));
    }
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
