package dev.scimlambda.mapping;

import dev.scimlambda.connection.Connection;
import dev.scimlambda.connection.ConnectionStore;
import dev.scimlambda.connection.IdpType;
import java.util.List;

/** The stored mapping of a connection, compiled for applying it to the connection's users. */
public final class ProfileMappings {

  private final ConnectionStore connections;
  private final ConnectionMappingStore mappings;
  private final CustomFieldStore fields;

  public ProfileMappings(ConnectionStore connections, ConnectionMappingStore mappings, CustomFieldStore fields) {
    this.connections = connections;
    this.mappings = mappings;
    this.fields = fields;
  }

  /** Three reads; callers keep the result for one batch at most, so a mapping change is seen by the next. */
  public ProfileMapper forConnection(String connectionId) {
    Connection connection = connections.find(connectionId).orElse(null);
    IdpType type = connection == null ? IdpType.GENERIC : connection.type();
    String workspaceId = connection == null ? null : connection.workspaceId();
    ConnectionMapping mapping = mappings.find(connectionId).orElse(ConnectionMapping.unset(connectionId, workspaceId));
    return ProfileMapper.compileLeniently(type, mapping,
        workspaceId == null ? List.of() : fields.list(workspaceId));
  }
}
