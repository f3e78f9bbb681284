package dev.scimlambda.scim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.problem.Problem;
import dev.scimlambda.problem.ScimType;
import dev.scimlambda.scim.schema.ResourceSchema;
import dev.scimlambda.scim.schema.Schema;
import dev.scimlambda.scim.schema.ScimSchemas;
import java.io.UncheckedIOException;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Documents, schemas and assertions shared by the SCIM specifications. */
public final class ScimTesting {

  public static final String USER = ScimSchemas.USER;
  public static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;
  public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String BADGE = "urn:example:params:scim:schemas:extension:badge:2.0:User";
  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  public static final String BJENSEN = "2819c223-7f76-453a-919d-413861904646";
  public static final String MANDY = "902c246b-6245-4190-8e05-00816be7344a";
  public static final String TOUR_GUIDES = "e9e30dba-f08f-4109-8486-d5c6a331660a";

  /** JSON written with single quotes, so that paths keep their double-quoted filter values readable. */
  private static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  private ScimTesting() {}

  public static JsonNode json(String text) {
    try {
      return LENIENT.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  /** A PatchOp message holding the operations given. */
  public static ObjectNode patchRequest(String... operations) {
    ObjectNode request = ScimJson.MAPPER.createObjectNode();
    request.putArray("schemas").add(PATCH_OP);
    ArrayNode array = request.putArray("Operations");
    for (String operation : operations) {
      array.add(json(operation));
    }
    return request;
  }

  /** Users with the Enterprise User extension, as served. */
  public static ResourceSchema users() {
    return ScimSchemas.user();
  }

  /** Users with, besides, an extension holding immutable, read-only, integer, decimal, dateTime and binary attributes. */
  public static ResourceSchema usersWithBadges() {
    return new ResourceSchema("User", "User Account", "/Users", Schema.load("User"),
        Map.of(Schema.load("EnterpriseUser"), false, Schema.load("TestBadge"), false));
  }

  /** Groups as RFC 7643 §4.2 defines them (the served schema): members' value, $ref and type are immutable. */
  public static ResourceSchema groups() {
    return ScimSchemas.group();
  }

  /** Babs Jensen of RFC 7643 §8.2, with a work and a home email, a work address and a group. */
  public static ObjectNode bjensen() {
    return object("""
        {
          'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User',
                      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
          'id': '2819c223-7f76-453a-919d-413861904646',
          'externalId': 'bjensen',
          'userName': 'bjensen@example.com',
          'name': {'formatted': 'Ms. Barbara J Jensen III', 'familyName': 'Jensen', 'givenName': 'Barbara'},
          'displayName': 'Babs Jensen',
          'active': true,
          'emails': [
            {'value': 'bjensen@example.com', 'type': 'work', 'primary': true},
            {'value': 'babs@jensen.org', 'type': 'home'}
          ],
          'addresses': [
            {'type': 'work', 'streetAddress': '100 Universal City Plaza', 'locality': 'Hollywood',
             'region': 'CA', 'postalCode': '91608', 'country': 'USA', 'primary': true}
          ],
          'groups': [{'value': 'e9e30dba-f08f-4109-8486-d5c6a331660a', 'display': 'Tour Guides'}],
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
            'employeeNumber': '701984',
            'department': 'Tour Operations'
          },
          'meta': {
            'resourceType': 'User',
            'created': '2010-01-23T04:56:22Z',
            'lastModified': '2011-05-13T04:42:34Z',
            'location': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646'
          }
        }
        """);
  }

  /** The Tour Guides of RFC 7643 §8.4, with Babs and Mandy as members. */
  public static ObjectNode tourGuides() {
    return object("""
        {
          'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          'id': 'e9e30dba-f08f-4109-8486-d5c6a331660a',
          'displayName': 'Tour Guides',
          'members': [
            {'value': '2819c223-7f76-453a-919d-413861904646',
             '$ref': 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
             'display': 'Babs Jensen'},
            {'value': '902c246b-6245-4190-8e05-00816be7344a',
             '$ref': 'https://example.com/v2/Users/902c246b-6245-4190-8e05-00816be7344a',
             'display': 'Mandy Pepperidge'}
          ],
          'meta': {'resourceType': 'Group', 'created': '2010-01-23T04:56:22Z'}
        }
        """);
  }

  /** Asserts a 400 Problem with {@code scimType}, and returns its detail for further checks. */
  public static AbstractThrowableAssert<?, ? extends Throwable> failsWith(ScimType scimType, ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(Problem.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(400);
          org.assertj.core.api.Assertions.assertThat(e.scimType()).isEqualTo(scimType);
        });
  }
}
