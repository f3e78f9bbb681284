package dev.scimlambda.appusers;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The profile fields an app user gets from its SCIM identity through the connection's attribute
 * mapping: the standard fields ({@code email}, {@code firstName}, ... {@code active}) and the
 * workspace's custom fields. Values are strings, {@link java.math.BigDecimal}s (without trailing
 * zeros, so a value read back compares equal) or booleans; a field without a value is absent.
 */
public record AppUserProfile(SortedMap<String, Object> fields, SortedMap<String, Object> customFields) {

  public static final AppUserProfile EMPTY = new AppUserProfile(new TreeMap<>(), new TreeMap<>());

  public AppUserProfile {
    fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    customFields = Collections.unmodifiableSortedMap(new TreeMap<>(customFields));
  }

  public Object field(String key) {
    return fields.get(key);
  }

  public Object customField(String key) {
    return customFields.get(key);
  }
}
