package dev.scimlambda.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The standard fields of an app user's profile, each mapped from SCIM by default. */
public enum AppField {
  EMAIL("email", FieldType.STRING),
  FIRST_NAME("firstName", FieldType.STRING),
  LAST_NAME("lastName", FieldType.STRING),
  DISPLAY_NAME("displayName", FieldType.STRING),
  TITLE("title", FieldType.STRING),
  DEPARTMENT("department", FieldType.STRING),
  PHONE("phone", FieldType.STRING),
  PHOTO_URL("photoUrl", FieldType.STRING),
  ACTIVE("active", FieldType.BOOLEAN);

  private final String key;
  private final FieldType type;

  AppField(String key, FieldType type) {
    this.key = key;
    this.type = type;
  }

  public String key() {
    return key;
  }

  public FieldType type() {
    return type;
  }

  public static Optional<AppField> of(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }
}
