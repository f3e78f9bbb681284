package dev.scimlambda.admin;

import java.util.Optional;

/** Checks a bearer token issued by the host product's identity provider (a signed JWT). */
public interface AdminTokenVerifier {

  /** The workspace admin the token names, or empty when it is not a valid token of the configured issuer. */
  Optional<AdminPrincipal> verify(String token);

  /** No identity provider configured: only the operator token is accepted. */
  AdminTokenVerifier NONE = token -> Optional.empty();
}
