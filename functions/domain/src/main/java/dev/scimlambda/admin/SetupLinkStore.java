package dev.scimlambda.admin;

import java.time.Instant;
import java.util.Optional;

/** Setup links and the console sessions they open, stored by the SHA-256 of their tokens, never the tokens. */
public interface SetupLinkStore {

  void saveLink(String tokenHash, String workspaceId, Instant expiresAt);

  /** Marks the link used if it exists, is unused and unexpired at {@code now}: its workspace; else empty. */
  Optional<String> redeem(String tokenHash, Instant now);

  void saveSession(String tokenHash, String workspaceId, Instant expiresAt);

  /** The session's workspace while it is unexpired at {@code now}. */
  Optional<String> sessionWorkspace(String tokenHash, Instant now);

  void endSession(String tokenHash);
}
