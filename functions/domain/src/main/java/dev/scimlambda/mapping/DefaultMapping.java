package dev.scimlambda.mapping;

import dev.scimlambda.connection.IdpType;
import dev.scimlambda.scim.schema.ScimSchemas;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each standard field comes from when the admin has not said otherwise, per IdP type. Each
 * field has a list of paths tried in order, the first with a value winning. Where a multi-valued
 * attribute is read, its primary value counts first (see {@link dev.scimlambda.scim.patch.AttributeReader}).
 */
public final class DefaultMapping {

  static final String WORK_EMAIL = "emails[type eq \"work\"].value";
  static final String ANY_EMAIL = "emails.value";
  static final String DEPARTMENT = ScimSchemas.ENTERPRISE_USER + ":department";

  private DefaultMapping() {}

  public static Map<AppField, List<String>> of(IdpType type) {
    Map<AppField, List<String>> sources = new EnumMap<>(AppField.class);
    // Entra and OneLogin name the mailbox by type ("work") and often mark nothing primary; Okta,
    // JumpCloud and generic clients mark the login email primary.
    boolean byType = type == IdpType.AZURE || type == IdpType.ONELOGIN;
    sources.put(AppField.EMAIL, byType ? List.of(WORK_EMAIL, ANY_EMAIL, "userName") : List.of(ANY_EMAIL, "userName"));
    sources.put(AppField.FIRST_NAME, List.of("name.givenName"));
    sources.put(AppField.LAST_NAME, List.of("name.familyName"));
    sources.put(AppField.DISPLAY_NAME, List.of("displayName"));
    sources.put(AppField.TITLE, List.of("title"));
    sources.put(AppField.DEPARTMENT, List.of(DEPARTMENT));
    sources.put(AppField.PHONE, byType
        ? List.of("phoneNumbers[type eq \"work\"].value", "phoneNumbers.value") : List.of("phoneNumbers.value"));
    sources.put(AppField.PHOTO_URL, List.of("photos.value"));
    sources.put(AppField.ACTIVE, List.of("active"));
    return sources;
  }
}
