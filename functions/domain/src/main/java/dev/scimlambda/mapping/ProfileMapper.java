package dev.scimlambda.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.appusers.AppUserProfile;
import dev.scimlambda.connection.IdpType;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.scim.patch.AttributeReader;
import dev.scimlambda.scim.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One connection's effective mapping, compiled: the defaults of its IdP type with the admin's
 * overrides over them, each path parsed once. Turns a SCIM user into its app user's profile and
 * target-group tag.
 */
public final class ProfileMapper {

  /** Fallback paths per field: enough for "work email, else any email, else userName". */
  static final int MAX_PATHS = 5;

  private final Map<AppField, List<AttributeReader>> standard;
  private final Map<CustomField, List<AttributeReader>> custom;
  private final TargetGroups targetGroups;
  private final String prefix;

  private ProfileMapper(Map<AppField, List<AttributeReader>> standard, Map<CustomField, List<AttributeReader>> custom,
      TargetGroups targetGroups, String prefix) {
    this.standard = standard;
    this.custom = custom;
    this.targetGroups = targetGroups;
    this.prefix = prefix;
  }

  /**
   * Compiles the mapping, checking every override.
   *
   * @throws InvalidInputException naming the field and the path: a target that is neither a
   *     standard nor a custom field of the workspace, a path that does not parse or names an
   *     attribute the core or enterprise schema does not define, or a group-by that is neither
   *     {@code department} nor a custom field
   */
  public static ProfileMapper compile(IdpType type, ConnectionMapping mapping, List<CustomField> fields) {
    Map<String, CustomField> byKey = new LinkedHashMap<>();
    fields.forEach(f -> byKey.put(f.key(), f));
    Map<AppField, List<AttributeReader>> standard = new LinkedHashMap<>();
    DefaultMapping.of(type).forEach((field, paths) -> standard.put(field, readers(field.key(), paths)));
    Map<CustomField, List<AttributeReader>> custom = new LinkedHashMap<>();
    mapping.overrides().forEach((target, paths) -> {
      Optional<AppField> field = AppField.of(target);
      if (field.isPresent()) {
        standard.put(field.get(), readers(target, paths));
      } else if (byKey.containsKey(target)) {
        custom.put(byKey.get(target), readers(target, paths));
      } else {
        throw new InvalidInputException(attribute(target),
            "'" + target + "' is neither a standard field nor a custom field of this workspace (POST .../fields)");
      }
    });
    TargetGroups groups = mapping.targetGroups();
    CustomField groupBy = null;
    if (groups.groupBy() != null && !groups.byDepartment()) {
      groupBy = byKey.get(groups.groupBy());
      if (groupBy == null) {
        throw new InvalidInputException("targetGroup.groupBy", "groupBy '" + groups.groupBy()
            + "' is neither \"department\" nor a custom field of this workspace");
      }
    }
    return new ProfileMapper(standard, custom, groups, groups.effectivePrefix(groupBy));
  }

  /**
   * Compiles a stored mapping for applying it: what no longer holds (a custom field deleted in a
   * race with the mapping's save) is left out rather than stopping every refresh of the connection.
   */
  public static ProfileMapper compileLeniently(IdpType type, ConnectionMapping mapping, List<CustomField> fields) {
    SortedMap<String, List<String>> valid = new TreeMap<>();
    mapping.overrides().forEach((target, paths) -> {
      try {
        compile(type, withOverrides(mapping, Map.of(target, paths), TargetGroups.NONE), fields);
        valid.put(target, paths);
      } catch (InvalidInputException skipped) {
        // Left out; see above.
      }
    });
    TargetGroups groups = mapping.targetGroups();
    try {
      return compile(type, withOverrides(mapping, valid, groups), fields);
    } catch (InvalidInputException groupByGone) {
      return compile(type, withOverrides(mapping, valid, new TargetGroups(groups.defaultGroup(), null, groups.tagPrefix())),
          fields);
    }
  }

  private static ConnectionMapping withOverrides(ConnectionMapping m, Map<String, List<String>> overrides, TargetGroups g) {
    return new ConnectionMapping(m.connectionId(), m.workspaceId(), new TreeMap<>(overrides), g, m.version(), m.updatedAt());
  }

  private static List<AttributeReader> readers(String target, List<String> paths) {
    if (paths.isEmpty() || paths.size() > MAX_PATHS) {
      throw new InvalidInputException(attribute(target),
          attribute(target) + " must name 1 to " + MAX_PATHS + " SCIM attribute paths");
    }
    List<AttributeReader> readers = new ArrayList<>();
    for (String path : paths) {
      try {
        readers.add(AttributeReader.of(path, ScimSchemas.user()));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(attribute(target), attribute(target) + ": " + e.getMessage());
      }
    }
    return List.copyOf(readers);
  }

  static String attribute(String target) {
    return "attributes." + target;
  }

  public String tagPrefix() {
    return prefix;
  }

  public AppUserProfile profile(ObjectNode document) {
    SortedMap<String, Object> fields = new TreeMap<>();
    standard.forEach((field, readers) -> put(fields, field.key(), field.type(), readers, document));
    SortedMap<String, Object> customFields = new TreeMap<>();
    custom.forEach((field, readers) -> put(customFields, field.key(), field.type(), readers, document));
    return new AppUserProfile(fields, customFields);
  }

  private static void put(Map<String, Object> into, String key, FieldType type, List<AttributeReader> readers,
      ObjectNode document) {
    for (AttributeReader reader : readers) {
      JsonNode raw = reader.read(document);
      Object value = type.coerce(raw);
      if (value != null) {
        into.put(key, value);
        return;
      }
    }
  }

  /** The user's target-group tag: its group-by value's group, else the default group, else none. */
  public Optional<String> targetGroupTag(AppUserProfile profile) {
    return targetGroups.tag(profile, prefix);
  }
}
