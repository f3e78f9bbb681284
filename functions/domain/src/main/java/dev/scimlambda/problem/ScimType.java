package dev.scimlambda.problem;

/** The {@code scimType} error keywords of RFC 7644 §3.12, and RFC 9865's two for cursors. */
public enum ScimType {
  invalidCursor,
  expiredCursor,
  invalidFilter,
  tooMany,
  uniqueness,
  mutability,
  invalidSyntax,
  invalidPath,
  noTarget,
  invalidValue,
  invalidVers,
  sensitive
}
