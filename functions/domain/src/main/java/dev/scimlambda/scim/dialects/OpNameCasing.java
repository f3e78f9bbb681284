package dev.scimlambda.scim.dialects;

import java.util.Locale;

/**
 * PATCH {@code op} values are read case-insensitively and trimmed: Microsoft Entra ID sends
 * {@code "Add"}, {@code "Replace"}, {@code "Remove"} where RFC 7644 writes them in lower case.
 */
public final class OpNameCasing {

  private OpNameCasing() {}

  /** The op as RFC 7644 spells it ({@code add}, {@code replace}, {@code remove}) if it is one. */
  public static String normalized(String op) {
    return op.trim().toLowerCase(Locale.ROOT);
  }
}
