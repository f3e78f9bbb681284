package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.DEVICE;
import static dev.scimlambda.scim.query.Fixtures.ENTERPRISE;
import static dev.scimlambda.scim.query.Fixtures.USER;
import static dev.scimlambda.scim.query.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceComparatorTest {

  /** The ids of the resources, sorted. Each resource is {@code {"id": ..., <json>}}. */
  private static List<String> sortedIds(ResourceSchema schema, String sortBy, SortOrder order, String... resources) {
    List<ObjectNode> nodes = new ArrayList<>();
    for (String resource : resources) {
      nodes.add(json(resource));
    }
    Collections.reverse(nodes);
    nodes.sort(ResourceComparator.of(schema, sortBy, order));
    return nodes.stream().map(n -> n.get("id").asText()).toList();
  }

  private static List<String> sortedIds(String sortBy, SortOrder order, String... resources) {
    return sortedIds(USER, sortBy, order, resources);
  }

  @Test
  void ascendingOrdersStringsIgnoringCase() {
    assertThat(sortedIds("userName", SortOrder.ASCENDING,
        "{\"id\":\"1\",\"userName\":\"bob\"}", "{\"id\":\"2\",\"userName\":\"Alice\"}", "{\"id\":\"3\",\"userName\":\"carol\"}"))
        .containsExactly("2", "1", "3");
  }

  @Test
  void descendingReversesTheOrder() {
    assertThat(sortedIds("userName", SortOrder.DESCENDING,
        "{\"id\":\"1\",\"userName\":\"bob\"}", "{\"id\":\"2\",\"userName\":\"Alice\"}", "{\"id\":\"3\",\"userName\":\"carol\"}"))
        .containsExactly("3", "1", "2");
  }

  @Test
  void caseExactAttributesOrderByCase() {
    assertThat(sortedIds("externalId", SortOrder.ASCENDING,
        "{\"id\":\"1\",\"externalId\":\"a\"}", "{\"id\":\"2\",\"externalId\":\"B\"}"))
        .containsExactly("2", "1");
  }

  @Test
  void resourcesWithoutAValueComeLastAscending() {
    assertThat(sortedIds("title", SortOrder.ASCENDING,
        "{\"id\":\"1\"}", "{\"id\":\"2\",\"title\":\"b\"}", "{\"id\":\"3\",\"title\":\"\"}", "{\"id\":\"4\",\"title\":\"a\"}"))
        .containsExactly("4", "2", "1", "3");
  }

  @Test
  void resourcesWithoutAValueComeFirstDescending() {
    assertThat(sortedIds("title", SortOrder.DESCENDING,
        "{\"id\":\"1\"}", "{\"id\":\"2\",\"title\":\"b\"}", "{\"id\":\"3\",\"title\":null}", "{\"id\":\"4\",\"title\":\"a\"}"))
        .containsExactly("1", "3", "2", "4");
  }

  @Test
  void equalValuesAreOrderedById() {
    assertThat(sortedIds("title", SortOrder.DESCENDING,
        "{\"id\":\"b\",\"title\":\"x\"}", "{\"id\":\"a\",\"title\":\"X\"}", "{\"id\":\"c\",\"title\":\"y\"}"))
        .containsExactly("c", "a", "b");
  }

  @Test
  void withoutSortByResourcesAreOrderedById() {
    assertThat(sortedIds(null, SortOrder.DESCENDING, "{\"id\":\"b\"}", "{\"id\":\"a\"}", "{\"id\":\"c\"}"))
        .containsExactly("a", "b", "c");
  }

  @Test
  void aMultiValuedAttributeSortsByItsPrimaryValue() {
    assertThat(sortedIds("emails.value", SortOrder.ASCENDING,
        "{\"id\":\"1\",\"emails\":[{\"value\":\"a@x\"},{\"value\":\"z@x\",\"primary\":true}]}",
        "{\"id\":\"2\",\"emails\":[{\"value\":\"m@x\",\"primary\":true},{\"value\":\"b@x\"}]}"))
        .containsExactly("2", "1");
  }

  @Test
  void aMultiValuedAttributeWithoutPrimarySortsByItsFirstValue() {
    assertThat(sortedIds("emails.value", SortOrder.ASCENDING,
        "{\"id\":\"1\",\"emails\":[{\"value\":\"c@x\"},{\"value\":\"a@x\"}]}",
        "{\"id\":\"2\",\"emails\":[{\"value\":\"b@x\"},{\"value\":\"z@x\"}]}"))
        .containsExactly("2", "1");
  }

  @Test
  void aComplexAttributeSortsByItsValueSubAttribute() {
    assertThat(sortedIds("emails", SortOrder.ASCENDING,
        "{\"id\":\"1\",\"emails\":[{\"value\":\"c@x\",\"primary\":true}]}",
        "{\"id\":\"2\",\"emails\":[{\"value\":\"b@x\"}]}"))
        .containsExactly("2", "1");
  }

  @Test
  void aSubAttributeSortsByItsValue() {
    assertThat(sortedIds("name.familyName", SortOrder.ASCENDING,
        "{\"id\":\"1\",\"name\":{\"familyName\":\"Smith\"}}", "{\"id\":\"2\",\"name\":{\"familyName\":\"jensen\"}}"))
        .containsExactly("2", "1");
  }

  @Test
  void anExtensionAttributeSortsByItsValue() {
    assertThat(sortedIds(ENTERPRISE + ":department", SortOrder.ASCENDING,
        "{\"id\":\"1\",\"" + ENTERPRISE + "\":{\"department\":\"Sales\"}}",
        "{\"id\":\"2\",\"" + ENTERPRISE + "\":{\"department\":\"Ops\"}}", "{\"id\":\"3\"}"))
        .containsExactly("2", "1", "3");
  }

  @Test
  void attributeNamesMatchInAnyCase() {
    assertThat(sortedIds("USERNAME", SortOrder.ASCENDING,
        "{\"id\":\"1\",\"UserName\":\"b\"}", "{\"id\":\"2\",\"username\":\"a\"}"))
        .containsExactly("2", "1");
  }

  @Test
  void dateTimesSortChronologically() {
    assertThat(sortedIds("meta.created", SortOrder.ASCENDING,
        "{\"id\":\"1\",\"meta\":{\"created\":\"2011-05-13T04:00:00Z\"}}",
        "{\"id\":\"2\",\"meta\":{\"created\":\"2011-05-13T05:00:00+02:00\"}}"))
        .containsExactly("2", "1");
  }

  @Test
  void numbersSortNumerically() {
    assertThat(sortedIds(DEVICE, "seats", SortOrder.ASCENDING, "{\"id\":\"1\",\"seats\":10}", "{\"id\":\"2\",\"seats\":9}"))
        .containsExactly("2", "1");
  }

  @Test
  void falseSortsBeforeTrue() {
    assertThat(sortedIds("active", SortOrder.ASCENDING, "{\"id\":\"1\",\"active\":true}", "{\"id\":\"2\",\"active\":false}"))
        .containsExactly("2", "1");
  }

  @Test
  void anUnknownAttributeLeavesTheOrderToId() {
    assertThat(sortedIds("nonsense", SortOrder.ASCENDING, "{\"id\":\"b\"}", "{\"id\":\"a\"}")).containsExactly("a", "b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name..familyName", "emails[type eq \"work\"].value", "user name"})
  void aSortByThatIsNoAttributePathIsA400InvalidPath(String sortBy) {
    assertThatThrownBy(() -> ResourceComparator.of(USER, sortBy, SortOrder.ASCENDING))
        .isInstanceOfSatisfying(Problem.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo(ScimType.invalidPath);
        });
  }

  @Test
  void sortOrderDefaultsToAscending() {
    assertThat(SortOrder.parse(null)).isEqualTo(SortOrder.ASCENDING);
    assertThat(SortOrder.parse("")).isEqualTo(SortOrder.ASCENDING);
  }

  @Test
  void sortOrderIsReadInAnyCase() {
    assertThat(SortOrder.parse("Descending")).isEqualTo(SortOrder.DESCENDING);
    assertThat(SortOrder.parse("ascending")).isEqualTo(SortOrder.ASCENDING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"asc", "desc", "up", "1"})
  void anyOtherSortOrderIsA400InvalidValue(String sortOrder) {
    assertThatThrownBy(() -> SortOrder.parse(sortOrder))
        .isInstanceOfSatisfying(Problem.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo(ScimType.invalidValue);
        });
  }
}
