package dev.scimlambda.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.appusers.AppUserProfile;
import dev.scimlambda.connection.IdpType;
import dev.scimlambda.problem.InvalidInputException;
import dev.scimlambda.scim.ScimJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProfileMapperTest {

  private static final String ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
  private static final CustomField LEVEL = new CustomField("ws", "level", "Level", FieldType.NUMBER, Instant.EPOCH);
  private static final CustomField REMOTE = new CustomField("ws", "remote", "Remote", FieldType.BOOLEAN, Instant.EPOCH);

  private static ProfileMapper mapper(IdpType type, Map<String, List<String>> overrides, TargetGroups groups) {
    return ProfileMapper.compile(type, new ConnectionMapping("c", "ws", new TreeMap<>(overrides), groups, 1, null),
        List.of(LEVEL, REMOTE));
  }

  private static ObjectNode user(String json) {
    try {
      return (ObjectNode) ScimJson.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void thePrimaryValueOfAMultiValuedAttributeCountsFirst() {
    AppUserProfile profile = mapper(IdpType.OKTA, Map.of(), TargetGroups.NONE).profile(user("""
        {"userName":"login","emails":[{"value":"second@x.example"},{"value":"primary@x.example","primary":true}]}"""));
    assertThat(profile.field("email")).isEqualTo("primary@x.example");
  }

  @Test
  void withoutEmailsTheUserNameIsTheEmail() {
    AppUserProfile profile = mapper(IdpType.GENERIC, Map.of(), TargetGroups.NONE).profile(user("{\"userName\":\"ada@x.example\"}"));
    assertThat(profile.field("email")).isEqualTo("ada@x.example");
  }

  @Test
  void customValuesAreCoercedToTheFieldsTypeAndDroppedWhenTheyDoNotFit() {
    ProfileMapper mapper = mapper(IdpType.OKTA,
        Map.of("level", List.of(ACME + ":level"), "remote", List.of(ACME + ":remote")), TargetGroups.NONE);
    AppUserProfile fits = mapper.profile(user("{\"" + ACME + "\":{\"level\":\"7.50\",\"remote\":\"True\"}}"));
    assertThat(fits.customFields()).containsEntry("level", new BigDecimal("7.5")).containsEntry("remote", true);
    AppUserProfile misfits = mapper.profile(user("{\"" + ACME + "\":{\"level\":\"senior\",\"remote\":\"sometimes\"}}"));
    assertThat(misfits.customFields()).isEmpty();
  }

  @Test
  void aNumberDynamoDbCannotStoreLeavesTheFieldEmpty() {
    ProfileMapper mapper = mapper(IdpType.OKTA, Map.of("level", List.of(ACME + ":level")), TargetGroups.NONE);
    for (String outOfRange : List.of("1e400", "1e-200", "1234567890123456789012345678901234567890")) {
      AppUserProfile profile = mapper.profile(user("{\"" + ACME + "\":{\"level\":\"" + outOfRange + "\"}}"));
      assertThat(profile.customFields()).as(outOfRange).isEmpty();
    }
    AppUserProfile largest = mapper.profile(user("{\"" + ACME + "\":{\"level\":\"9.9e125\"}}"));
    assertThat(largest.customFields()).containsEntry("level", new BigDecimal("9.9e125"));
  }

  @Test
  void aNumericGroupByValueNamesTheGroupPlainly() {
    ProfileMapper mapper = mapper(IdpType.OKTA, Map.of("level", List.of(ACME + ":level")),
        new TargetGroups(null, "level", null));
    AppUserProfile profile = mapper.profile(user("{\"" + ACME + "\":{\"level\":100}}"));
    assertThat(mapper.targetGroupTag(profile)).contains("Level:100");
  }

  @Test
  void aComplexAttributeWithoutValueSubAttributeIsRefused() {
    assertThatThrownBy(() -> mapper(IdpType.OKTA, Map.of("title", List.of("name")), TargetGroups.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("attributes.title").hasMessageContaining("'name'");
  }

  @Test
  void aStoredMappingWhoseFieldIsGoneIsAppliedWithoutIt() {
    ConnectionMapping stored = new ConnectionMapping("c", "ws",
        new TreeMap<>(Map.of("gone", List.of(ACME + ":gone"), "title", List.of(ACME + ":role"))),
        new TargetGroups("All", "gone", null), 1, null);
    ProfileMapper mapper = ProfileMapper.compileLeniently(IdpType.OKTA, stored, List.of());
    AppUserProfile profile = mapper.profile(user("{\"" + ACME + "\":{\"role\":\"Lead\",\"gone\":\"x\"}}"));
    assertThat(profile.field("title")).isEqualTo("Lead");
    assertThat(profile.customFields()).isEmpty();
    assertThat(mapper.targetGroupTag(profile)).contains("TargetGroup:All");
  }
}
