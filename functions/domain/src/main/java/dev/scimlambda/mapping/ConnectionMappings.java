package dev.scimlambda.mapping;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.Connections;
import dev.scimlambda.problem.InvalidInputException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The admin's view of a connection's attribute mapping and target groups. Saving validates the whole
 * mapping against the workspace's custom fields and starts re-applying it to the connection's
 * existing users (a chunked job the stream handler runs); new SCIM writes use it at once.
 */
public final class ConnectionMappings {

  static final int MAX_PREFIX = 64;
  static final int MAX_GROUP_NAME = 200;

  private final Connections connections;
  private final ConnectionMappingStore store;
  private final CustomFieldStore fields;
  private final MappingReapplication reapplication;
  private final Clock clock;

  public ConnectionMappings(Connections connections, ConnectionMappingStore store, CustomFieldStore fields,
      MappingReapplication reapplication, Clock clock) {
    this.connections = connections;
    this.store = store;
    this.fields = fields;
    this.reapplication = reapplication;
    this.clock = clock;
  }

  public View get(String workspaceId, String connectionId) {
    Connection connection = connections.get(workspaceId, connectionId);
    ConnectionMapping mapping = store.find(connectionId).orElse(ConnectionMapping.unset(connectionId, workspaceId));
    return view(connection, mapping);
  }

  /** Replaces the connection's overrides and target-group settings; returns the effective mapping. */
  public View put(String workspaceId, String connectionId, SortedMap<String, List<String>> overrides,
      TargetGroups targetGroups) {
    Connection connection = connections.active(workspaceId, connectionId);
    long expected = store.find(connectionId).map(ConnectionMapping::version).orElse(0L);
    ConnectionMapping desired = new ConnectionMapping(connectionId, workspaceId, overrides, valid(targetGroups),
        expected + 1, clock.instant());
    ProfileMapper.compile(connection.type(), desired, fields.list(workspaceId));
    store.save(desired, expected);
    return view(connection, desired);
  }

  private static TargetGroups valid(TargetGroups groups) {
    String prefix = trimmed(groups.tagPrefix(), "targetGroup.tagPrefix", MAX_PREFIX);
    if (prefix != null && (prefix.contains(":") || TargetGroups.clashesWithGroupTags(prefix))) {
      throw new InvalidInputException("targetGroup.tagPrefix",
          "tagPrefix must not contain ':' nor be \"Group\", which IdP groups' tags use");
    }
    String groupBy = trimmed(groups.groupBy(), "targetGroup.groupBy", MAX_PREFIX);
    return new TargetGroups(trimmed(groups.defaultGroup(), "targetGroup.default", MAX_GROUP_NAME), groupBy, prefix);
  }

  private static String trimmed(String value, String field, int max) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.isEmpty() || trimmed.length() > max) {
      throw new InvalidInputException(field, field + " must be 1 to " + max + " characters");
    }
    return trimmed;
  }

  private View view(Connection connection, ConnectionMapping mapping) {
    List<CustomField> custom = fields.list(connection.workspaceId());
    Map<String, Source> sources = new LinkedHashMap<>();
    DefaultMapping.of(connection.type()).forEach((field, paths) -> {
      List<String> override = mapping.overrides().get(field.key());
      sources.put(field.key(), new Source(override == null ? paths : override, field.type(), override == null, paths,
          field == AppField.EMAIL));
    });
    custom.forEach(field -> Optional.ofNullable(mapping.overrides().get(field.key()))
        .ifPresent(paths -> sources.put(field.key(), new Source(paths, field.type(), false, List.of(), false))));
    CustomField groupBy = custom.stream().filter(f -> f.key().equals(mapping.targetGroups().groupBy())).findFirst()
        .orElse(null);
    return new View(connection, mapping, sources, mapping.targetGroups().effectivePrefix(groupBy),
        reapplication.reapplying(connection.id()));
  }

  /**
   * @param sources every mapped field, standard ones first, with the paths in effect
   * @param tagPrefix the target-group tags' prefix in effect
   * @param reapplying the job re-applying the mapping to existing users, while it runs
   */
  public record View(Connection connection, ConnectionMapping mapping, Map<String, Source> sources, String tagPrefix,
      Optional<MappingReapplication.Progress> reapplying) {}

  /**
   * Where one field comes from; {@code isDefault} when the admin has not overridden it.
   *
   * @param suggested the IdP type's default paths, what a reset goes back to (none for custom fields)
   * @param required whether the app depends on a value: only the email, which sign-in and email
   *     dedup key on (its default falls back to userName, so it always has one)
   */
  public record Source(List<String> paths, FieldType type, boolean isDefault, List<String> suggested,
      boolean required) {}
}
