package dev.scimlambda.directorysync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One person as a directory describes them, normalised across providers. The engine turns it into
 * a SCIM User with {@code externalId = providerId}, so it goes through the same services as a user
 * an IdP pushes.
 *
 * @param providerId the directory's immutable id (Graph object id, Okta user id, Google user id)
 * @param userName the sign-in name (Graph userPrincipalName, Okta login, Google primaryEmail)
 * @param emails work email first; may be empty
 * @param active false when the directory disabled or suspended the account
 * @param managerId the manager's provider id, or null
 * @param employeeNumber or null; every other nullable text field likewise means "not set"
 */
public record DirectoryUser(
    String providerId,
    String userName,
    String givenName,
    String familyName,
    String displayName,
    List<String> emails,
    boolean active,
    String department,
    String title,
    String phoneNumber,
    String managerId,
    String employeeNumber) {

  public DirectoryUser {
    requireText(providerId, "providerId");
    requireText(userName, "userName");
    emails = emails == null ? List.of() : List.copyOf(emails);
  }

  /** The work email, or null. */
  public String primaryEmail() {
    return emails.isEmpty() ? null : emails.get(0);
  }

  /**
   * A digest of everything the engine maps, so a full pass can skip people whose record did not
   * change since it last applied them (Google has no deltas; its full passes are mostly unchanged).
   */
  public String contentHash() {
    StringBuilder canonical = new StringBuilder();
    for (Object field : List.of(providerId, userName, text(givenName), text(familyName), text(displayName),
        String.join("\u001f", emails), active, text(department), text(title), text(phoneNumber), text(managerId),
        text(employeeNumber))) {
      canonical.append(field).append('\u001e');
    }
    return sha256(canonical.toString());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String text(String value) {
    return Objects.requireNonNullElse(value, "\u0000");
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
