package dev.scimlambda.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import dev.scimlambda.scim.resource.UniquenessViolation;
import dev.scimlambda.scim.resource.VersionMismatch;
import dev.scimlambda.scim.users.ScimUser;
import dev.scimlambda.scim.users.UserStore.LookupKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamoUserStoreTest {

  final DynamoUserStore store = new DynamoUserStore(newTable());
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  TableAccess newTable() {
    return TableFixture.newTable();
  }

  private ScimUser user(String id, String userName, String externalId, Set<String> emails, long version) {
    ObjectNode document = ScimJson.MAPPER.createObjectNode().put("id", id).put("userName", userName);
    return new ScimUser("c1", id, document, userName.toLowerCase(), externalId, emails, true, now, now, version);
  }

  @Test
  void aCreatedUserReadsBackUnchanged() {
    ScimUser ada = user("u1", "Ada", "ext-1", Set.of("ada@example.com"), 1);
    store.create(ada);
    assertThat(store.find("c1", "u1")).contains(ada);
  }

  @Test
  void userNameIsUniqueCaseInsensitively() {
    store.create(user("u1", "Ada", null, Set.of(), 1));
    assertThatThrownBy(() -> store.create(user("u2", "ADA", null, Set.of(), 1)))
        .isInstanceOfSatisfying(UniquenessViolation.class, e -> assertThat(e.attribute()).isEqualTo("userName"));
    assertThat(store.find("c1", "u2")).isEmpty();
  }

  @Test
  void externalIdIsUnique() {
    store.create(user("u1", "ada", "ext", Set.of(), 1));
    assertThatThrownBy(() -> store.create(user("u2", "bob", "ext", Set.of(), 1)))
        .isInstanceOfSatisfying(UniquenessViolation.class, e -> assertThat(e.attribute()).isEqualTo("externalId"));
  }

  @Test
  void usersAreFoundByUserNameExternalIdAndEmail() {
    store.create(user("u1", "ada", "ext", Set.of("ada@example.com", "a@example.org"), 1));
    store.create(user("u2", "bob", null, Set.of("a@example.org"), 1));
    assertThat(store.findId("c1", LookupKey.USER_NAME, "ada")).contains("u1");
    assertThat(store.findId("c1", LookupKey.EXTERNAL_ID, "ext")).contains("u1");
    assertThat(store.findIdsByEmail("c1", "a@example.org")).containsExactly("u1", "u2");
    assertThat(store.findIdsByEmail("c1", "nobody@example.org")).isEmpty();
  }

  @Test
  void aReplaceMovesTheIndexesWithTheValues() {
    ScimUser before = user("u1", "ada", "ext", Set.of("old@example.com"), 1);
    store.create(before);
    store.replace(before, user("u1", "ada.l", "ext2", Set.of("new@example.com"), 2));
    assertThat(store.findId("c1", LookupKey.USER_NAME, "ada")).isEmpty();
    assertThat(store.findId("c1", LookupKey.USER_NAME, "ada.l")).contains("u1");
    assertThat(store.findId("c1", LookupKey.EXTERNAL_ID, "ext")).isEmpty();
    assertThat(store.findId("c1", LookupKey.EXTERNAL_ID, "ext2")).contains("u1");
    assertThat(store.findIdsByEmail("c1", "old@example.com")).isEmpty();
    assertThat(store.findIdsByEmail("c1", "new@example.com")).containsExactly("u1");
    // The freed userName can be taken by someone else.
    store.create(user("u2", "ada", null, Set.of(), 1));
  }

  @Test
  void aReplaceFromAStaleVersionIsRefusedAndChangesNothing() {
    ScimUser v1 = user("u1", "ada", null, Set.of(), 1);
    store.create(v1);
    store.replace(v1, user("u1", "ada2", null, Set.of(), 2));
    assertThatThrownBy(() -> store.replace(v1, user("u1", "ada3", null, Set.of(), 2))).isInstanceOf(VersionMismatch.class);
    assertThat(store.find("c1", "u1").orElseThrow().userNameKey()).isEqualTo("ada2");
    assertThat(store.findId("c1", LookupKey.USER_NAME, "ada3")).isEmpty();
  }

  @Test
  void aReplaceOntoATakenUserNameIsAUniquenessViolation() {
    store.create(user("u1", "ada", null, Set.of(), 1));
    ScimUser bob = user("u2", "bob", null, Set.of(), 1);
    store.create(bob);
    assertThatThrownBy(() -> store.replace(bob, user("u2", "ada", null, Set.of(), 2)))
        .isInstanceOf(UniquenessViolation.class);
    assertThat(store.find("c1", "u2").orElseThrow().userNameKey()).isEqualTo("bob");
  }

  @Test
  void deletingAUserFreesItsValuesAndItsCount() {
    ScimUser ada = user("u1", "ada", "ext", Set.of("ada@example.com"), 1);
    store.create(ada);
    assertThat(store.count("c1")).isEqualTo(1);
    store.delete(ada);
    assertThat(store.find("c1", "u1")).isEmpty();
    assertThat(store.findIdsByEmail("c1", "ada@example.com")).isEmpty();
    assertThat(store.count("c1")).isZero();
    store.create(user("u2", "ada", "ext", Set.of(), 1));
  }

  @Test
  void deletingAStaleVersionIsRefused() {
    ScimUser v1 = user("u1", "ada", null, Set.of(), 1);
    store.create(v1);
    store.replace(v1, user("u1", "ada", null, Set.of(), 2));
    assertThatThrownBy(() -> store.delete(v1)).isInstanceOf(VersionMismatch.class);
    assertThat(store.find("c1", "u1")).isPresent();
  }

  @Test
  void pagesWalkEveryUserOnceInIdOrder() {
    for (int i = 0; i < 7; i++) {
      store.create(user("u" + i, "user" + i, null, Set.of("shared@example.com"), 1));
    }
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      var page = store.page("c1", after, 3);
      page.users().forEach(u -> seen.add(u.id()));
      after = page.lastId();
    } while (after != null);
    assertThat(seen).containsExactly("u0", "u1", "u2", "u3", "u4", "u5", "u6");
    assertThat(store.count("c1")).isEqualTo(7);
  }

  @Test
  void connectionsDoNotSeeEachOthersUsers() {
    store.create(user("u1", "ada", null, Set.of(), 1));
    assertThat(store.find("c2", "u1")).isEmpty();
    assertThat(store.findId("c2", LookupKey.USER_NAME, "ada")).isEmpty();
    assertThat(store.page("c2", null, 10).users()).isEmpty();
  }
}
