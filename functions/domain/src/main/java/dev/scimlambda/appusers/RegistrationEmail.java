package dev.scimlambda.appusers;

import dev.scimlambda.problem.InvalidInputException;

/**
 * The email the host app registers a person with after an SSO sign-in: an address mail can reach,
 * by RFC 5321's practical rules. At most 254 characters (a forward path's 256 less its brackets),
 * checked first; then one pass over it: one {@code @}; a local part of 1 to 64 characters without
 * spaces, controls or the specials {@code ()<>[]\,;:"}, and without a leading, trailing or doubled
 * dot; a domain of at least two dot-separated labels of 1 to 63 letters, digits or hyphens (or
 * non-ASCII, for internationalised names), none starting or ending with a hyphen. Dot-less domains
 * ({@code a@localhost}) are valid in RFC 5321 but reach no one on the Internet (ICANN bars dot-less
 * top-level domains), and quoted local parts and address literals are left out: no IdP sends them.
 */
public final class RegistrationEmail {

  static final int MAX_LENGTH = 254;
  static final int MAX_LOCAL_PART = 64;
  static final int MAX_LABEL = 63;
  static final String RULE =
      "email must be an address such as ada@example.com: a name, one @ and a domain with a dot, at most "
          + MAX_LENGTH + " characters";

  private RegistrationEmail() {}

  /** The address trimmed; throws {@link InvalidInputException} on field {@code email} otherwise. */
  public static String valid(String email) {
    if (email == null) {
      throw new InvalidInputException("email", RULE);
    }
    String address = email.strip();
    if (address.isEmpty() || address.length() > MAX_LENGTH) {
      throw new InvalidInputException("email", RULE);
    }
    int at = address.indexOf('@');
    if (at < 1 || at != address.lastIndexOf('@') || !localPart(address, at) || !domain(address, at + 1)) {
      throw new InvalidInputException("email", RULE);
    }
    return address;
  }

  private static boolean localPart(String address, int end) {
    if (end > MAX_LOCAL_PART || address.charAt(0) == '.' || address.charAt(end - 1) == '.') {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = address.charAt(i);
      if (c <= ' ' || c == 0x7f || "()<>[]\\,;:\"".indexOf(c) >= 0 || (c == '.' && address.charAt(i - 1) == '.')) {
        return false;
      }
    }
    return true;
  }

  private static boolean domain(String address, int start) {
    int labels = 0;
    int labelStart = start;
    for (int i = start; i <= address.length(); i++) {
      if (i < address.length() && address.charAt(i) != '.') {
        char c = address.charAt(i);
        if (!(Character.isLetterOrDigit(c) || c == '-' || c > 0x7f) || Character.isWhitespace(c)
            || Character.isISOControl(c)) {
          return false;
        }
        continue;
      }
      int length = i - labelStart;
      if (length < 1 || length > MAX_LABEL || address.charAt(labelStart) == '-' || address.charAt(i - 1) == '-') {
        return false;
      }
      labels++;
      labelStart = i + 1;
    }
    return labels >= 2;
  }
}
