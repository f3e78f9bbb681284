package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.BJENSEN_ID;
import static dev.scimlambda.scim.query.Fixtures.CORE;
import static dev.scimlambda.scim.query.Fixtures.DEVICE;
import static dev.scimlambda.scim.query.Fixtures.ENTERPRISE;
import static dev.scimlambda.scim.query.Fixtures.USER;
import static dev.scimlambda.scim.query.Fixtures.bjensen;
import static dev.scimlambda.scim.query.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTest {

  private static ObjectNode project(String attributes, String excludedAttributes) {
    return Projection.apply(bjensen(), USER, AttributeList.parse(attributes), AttributeList.parse(excludedAttributes));
  }

  private static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void withoutParametersEveryDefaultAttributeIsReturned() {
    ObjectNode all = bjensen();
    all.remove("password");

    assertThat(project(null, null)).isEqualTo(all);
  }

  @Test
  void aPasswordIsNeverReturned() {
    assertThat(project(null, null).has("password")).isFalse();
    assertThat(project("password", null).has("password")).isFalse();
  }

  @Test
  void attributesReturnsOnlyTheNamedOnesWithIdAndSchemas() {
    assertThat(names(project("userName,displayName", null))).containsExactly("schemas", "id", "userName", "displayName");
  }

  @Test
  void metaIsLeftOutUnlessNamed() {
    assertThat(project("userName", null).has("meta")).isFalse();
    assertThat(project("userName,meta", null).get("meta")).isEqualTo(bjensen().get("meta"));
  }

  @Test
  void aSubAttributeInAttributesReturnsOnlyThatPartOfItsParent() {
    assertThat(project("name.givenName", null).get("name")).isEqualTo(json("{\"givenName\":\"Barbara\"}"));
    assertThat(project("meta.lastModified", null).get("meta")).isEqualTo(json("{\"lastModified\":\"2011-05-13T04:42:34Z\"}"));
  }

  @Test
  void aSubAttributeOfAMultiValuedAttributeIsReturnedForEachValue() {
    assertThat(project("emails.value", null).get("emails"))
        .isEqualTo(json("{\"e\":[{\"value\":\"bjensen@example.com\"},{\"value\":\"babs@jensen.org\"}]}").get("e"));
  }

  @Test
  void aComplexAttributeInAttributesReturnsAllItsSubAttributes() {
    assertThat(project("emails", null).get("emails")).isEqualTo(bjensen().get("emails"));
  }

  @Test
  void anExtensionAttributeIsNamedWithItsSchemaUrn() {
    ObjectNode projected = project(ENTERPRISE + ":department", null);

    assertThat(projected.get(ENTERPRISE)).isEqualTo(json("{\"department\":\"Tour Operations\"}"));
    assertThat(names(projected)).containsExactly("schemas", "id", ENTERPRISE);
  }

  @Test
  void anExtensionSubAttributeIsNamedWithItsSchemaUrn() {
    assertThat(project(ENTERPRISE + ":manager.displayName", null).get(ENTERPRISE))
        .isEqualTo(json("{\"manager\":{\"displayName\":\"John Smith\"}}"));
  }

  @Test
  void aBareExtensionUrnReturnsTheWholeExtension() {
    ObjectNode projected = project(ENTERPRISE, null);

    assertThat(projected.get(ENTERPRISE)).isEqualTo(bjensen().get(ENTERPRISE));
    assertThat(projected.has("userName")).isFalse();
  }

  @Test
  void coreAttributesMayBeNamedWithTheCoreSchemaUrn() {
    assertThat(names(project(CORE + ":userName," + CORE + ":name.familyName", null)))
        .containsExactly("schemas", "id", "userName", "name");
  }

  @Test
  void theBareCoreSchemaUrnReturnsEveryDefaultCoreAttributeButNoExtension() {
    ObjectNode all = bjensen();
    all.remove("password");
    all.remove(ENTERPRISE);

    assertThat(project(CORE, null)).isEqualTo(all);
  }

  @Test
  void namesInTheParametersMatchInAnyCase() {
    ObjectNode projected = project("USERNAME,Name.GivenName," + ENTERPRISE.toUpperCase() + ":Department", "NAME.givenname");

    assertThat(names(projected)).containsExactly("schemas", "id", "userName", ENTERPRISE);
  }

  @Test
  void namesInTheDocumentMatchInAnyCase() {
    ObjectNode odd = json("{\"ID\":\"1\",\"UserName\":\"x\",\"Name\":{\"GivenName\":\"a\",\"familyName\":\"b\"},\"Password\":\"p\"}");

    ObjectNode projected = Projection.apply(odd, USER, List.of("name.givenName"), List.of());

    assertThat(projected).isEqualTo(json("{\"ID\":\"1\",\"Name\":{\"GivenName\":\"a\"}}"));
  }

  @Test
  void unknownNamesInAttributesAreIgnored() {
    assertThat(names(project("nonsense,name.nonsense,urn:example:x:1.0:User:y", null))).containsExactly("schemas", "id");
  }

  @Test
  void excludedAttributesRemovesDefaultAttributes() {
    ObjectNode projected = project(null, "emails,meta," + ENTERPRISE + ":manager");

    assertThat(projected.has("emails")).isFalse();
    assertThat(projected.has("meta")).isFalse();
    assertThat(projected.get(ENTERPRISE).has("manager")).isFalse();
    assertThat(projected.get(ENTERPRISE).has("department")).isTrue();
    assertThat(projected.has("userName")).isTrue();
  }

  @Test
  void excludedAttributesNeverRemovesIdOrSchemas() {
    ObjectNode projected = project(null, "id,schemas");

    assertThat(projected.get("id").textValue()).isEqualTo(BJENSEN_ID);
    assertThat(projected.has("schemas")).isTrue();
  }

  @Test
  void anExcludedSubAttributeIsRemovedFromItsParent() {
    ObjectNode projected = project(null, "name.givenName,emails.type");

    assertThat(projected.get("name").has("givenName")).isFalse();
    assertThat(projected.get("name").has("familyName")).isTrue();
    assertThat(projected.get("emails").get(0).has("type")).isFalse();
    assertThat(projected.get("emails").get(0).has("value")).isTrue();
  }

  @Test
  void anExcludedExtensionUrnRemovesTheWholeExtension() {
    assertThat(project(null, ENTERPRISE).has(ENTERPRISE)).isFalse();
  }

  @Test
  void excludedAttributesAppliesToWhatAttributesSelected() {
    assertThat(project("emails", "emails.type").get("emails").get(0)).isEqualTo(json("{\"value\":\"bjensen@example.com\",\"primary\":true}"));
  }

  @Test
  void anAttributeLeftWithNothingIsLeftOut() {
    ObjectNode projected = project(null, "name.formatted,name.familyName,name.givenName,name.middleName,name.honorificPrefix,name.honorificSuffix");

    assertThat(projected.has("name")).isFalse();
  }

  @Test
  void aRequestAttributeIsReturnedOnlyWhenNamed() {
    ObjectNode device = json("{\"id\":\"d1\",\"serial\":\"S\",\"diagnostics\":\"ok\"}");

    assertThat(Projection.apply(device, DEVICE, List.of(), List.of()).has("diagnostics")).isFalse();
    assertThat(Projection.apply(device, DEVICE, List.of("diagnostics"), List.of()).has("diagnostics")).isTrue();
  }

  @Test
  void subAttributesFollowTheirOwnReturnedCharacteristic() {
    ObjectNode device = json("{\"id\":\"d1\",\"ports\":[{\"value\":1,\"label\":\"a\",\"secret\":\"s\",\"trace\":\"t\"}]}");

    assertThat(Projection.apply(device, DEVICE, List.of(), List.of()).get("ports").get(0)).isEqualTo(json("{\"value\":1,\"label\":\"a\"}"));
    assertThat(Projection.apply(device, DEVICE, List.of("ports.trace", "ports.secret"), List.of()).get("ports").get(0))
        .isEqualTo(json("{\"trace\":\"t\"}"));
  }

  @Test
  void attributesOutsideTheSchemaAreReturnedByDefault() {
    ObjectNode user = json("{\"id\":\"1\",\"urn:example:custom:1.0:User\":{\"badge\":\"b\"},\"nickname2\":\"n\"}");

    assertThat(Projection.apply(user, USER, List.of(), List.of())).isEqualTo(user);
    assertThat(Projection.apply(user, USER, List.of("urn:example:custom:1.0:User:badge"), List.of()))
        .isEqualTo(json("{\"id\":\"1\",\"urn:example:custom:1.0:User\":{\"badge\":\"b\"}}"));
  }

  @Test
  void theResourceItselfIsLeftUnchanged() {
    ObjectNode resource = bjensen();

    Projection.apply(resource, USER, List.of("userName"), List.of("id"));

    assertThat(resource).isEqualTo(bjensen());
  }
}
