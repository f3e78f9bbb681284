package dev.scimlambda.scim.api;

import dev.scimlambda.scim.bulk.ServiceBulkEndpoint;
import dev.scimlambda.scim.groups.ScimGroup;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.seats.SeatLedger;
import dev.scimlambda.appusers.Accounts;
import dev.scimlambda.connection.ConnectionWorkspaces;
import dev.scimlambda.scim.users.AccountLinks;
import dev.scimlambda.scim.bulk.BulkProcessor;
import dev.scimlambda.scim.discovery.Discovery;
import dev.scimlambda.scim.discovery.ScimCapabilities;
import dev.scimlambda.scim.groups.GroupListing;
import dev.scimlambda.scim.groups.GroupStore;
import dev.scimlambda.scim.groups.Groups;
import dev.scimlambda.scim.paging.PageCursorStore;
import dev.scimlambda.scim.rules.SchemaDocumentRules;
import dev.scimlambda.scim.schema.ScimSchemas;
import dev.scimlambda.scim.users.UserListing;
import dev.scimlambda.scim.users.UserStore;
import dev.scimlambda.scim.users.Users;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** The SCIM services of the function, built from the plain-Java domain. */
@Factory
public class ScimWiring {

  @Singleton
  ScimCapabilities capabilities() {
    return ScimCapabilities.CURRENT;
  }

  @Singleton
  Discovery discovery(ScimCapabilities capabilities) {
    return new Discovery(capabilities, List.of(ScimSchemas.user(), ScimSchemas.group()));
  }

  @Singleton
  Users users(UserStore store, Groups groups, Clock clock, AccountLinks accounts) {
    return new Users(store, new SchemaDocumentRules(ScimSchemas.user()), clock, groups, accounts);
  }

  @Singleton
  AccountLinks accountLinks(Accounts accounts, SeatLedger seats, ConnectionWorkspaces workspaces) {
    return new AccountLinks(accounts, seats, workspaces);
  }

  @Singleton
  Groups groups(GroupStore store, Clock clock) {
    return new Groups(store, new SchemaDocumentRules(ScimSchemas.group()), clock);
  }

  @Singleton
  GroupListing groupListing(GroupStore store, PageCursorStore cursors) {
    return new GroupListing(store, cursors);
  }

  @Singleton
  UserListing userListing(UserStore store, PageCursorStore cursors) {
    return new UserListing(store, cursors);
  }

  @Singleton
  BulkProcessor bulk(Users users, Groups groups, ScimCapabilities capabilities) {
    var usersEndpoint = new ServiceBulkEndpoint<ScimUser>("/Users", users::create, users::replace, users::patch,
        users::delete, ScimUser::id, ScimUser::version);
    var groupsEndpoint = new ServiceBulkEndpoint<ScimGroup>("/Groups", (connection, data) -> groups.create(connection, data).group(),
        (connection, id, data, ifMatch) -> groups.replace(connection, id, data, ifMatch).group(), groups::patch,
        groups::delete, ScimGroup::id, ScimGroup::version);
    return new BulkProcessor(List.of(usersEndpoint, groupsEndpoint), capabilities.bulkMaxOperations());
  }
}
