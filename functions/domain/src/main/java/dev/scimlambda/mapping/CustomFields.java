package dev.scimlambda.mapping;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.problem.ConflictException;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.problem.LimitReachedException;
import dev.scimlambda.problem.NotFoundException;
import dev.scimlambda.workspace.Workspaces;
import java.time.Clock;
import java.util.List;
import java.util.Arrays;
import java.util.regex.Pattern;

/** A workspace's custom profile fields, the targets of mappings beyond the standard fields. */
public final class CustomFields {

  /** Each field is a mapping target read on every refresh; a bound keeps the profile item small. */
  public static final int MAX_FIELDS = 50;
  static final int MAX_LABEL = 100;
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private final Workspaces workspaces;
  private final CustomFieldStore store;
  private final ConnectionStore connections;
  private final ConnectionMappingStore mappings;
  private final Clock clock;

  public CustomFields(Workspaces workspaces, CustomFieldStore store, ConnectionStore connections,
      ConnectionMappingStore mappings, Clock clock) {
    this.workspaces = workspaces;
    this.store = store;
    this.connections = connections;
    this.mappings = mappings;
    this.clock = clock;
  }

  public CustomField create(String workspaceId, String key, String label, String type) {
    workspaces.get(workspaceId);
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidInputException("key", "key must be a letter followed by up to 63 letters, digits or '_'");
    }
    FieldType fieldType = FieldType.fromWireName(type)
        .orElseThrow(() -> new InvalidInputException("type", "type must be string, number or boolean"));
    String name = label == null ? key : label.trim();
    if (name.isEmpty() || name.length() > MAX_LABEL || name.contains(":")) {
      throw new InvalidInputException("label", "label must be 1 to " + MAX_LABEL + " characters without ':'");
    }
    if (Arrays.stream(AppField.values()).anyMatch(field -> field.key().equalsIgnoreCase(key))) {
      throw new ConflictException("'" + key + "' is a standard field");
    }
    if (store.list(workspaceId).size() >= MAX_FIELDS) {
      throw new LimitReachedException("a workspace has at most " + MAX_FIELDS + " custom fields");
    }
    CustomField field = new CustomField(workspaceId, key, name, fieldType, clock.instant());
    store.create(field);
    return field;
  }

  public List<CustomField> list(String workspaceId) {
    workspaces.get(workspaceId);
    return store.list(workspaceId);
  }

  /** Refused while a connection maps to the field or groups by it: its users' values would vanish unseen. */
  public void delete(String workspaceId, String key) {
    workspaces.get(workspaceId);
    for (Connection connection : connections.listByWorkspace(workspaceId)) {
      if (mappings.find(connection.id()).filter(m -> m.uses(key)).isPresent()) {
        throw new ConflictException("custom field '" + key + "' is used by the mapping of connection " + connection.id());
      }
    }
    if (!store.delete(workspaceId, key)) {
      throw new NotFoundException("no custom field '" + key + "' in workspace " + workspaceId);
    }
  }
}
