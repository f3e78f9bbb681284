package dev.scimlambda.connection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The identity provider on the other end of a connection; later decides which SCIM dialect we expect. */
public enum IdpType {
  OKTA("Okta"),
  AZURE("Microsoft Entra ID (Azure AD)"),
  ONELOGIN("OneLogin"),
  JUMPCLOUD("JumpCloud"),
  GENERIC("Generic SCIM v2");

  private final String displayName;

  IdpType(String displayName) {
    this.displayName = displayName;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<IdpType> fromWireName(String value) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
  }
}
