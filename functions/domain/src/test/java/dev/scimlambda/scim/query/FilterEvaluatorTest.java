package dev.scimlambda.scim.query;

import static dev.scimlambda.scim.query.Fixtures.USER;
import static dev.scimlambda.scim.query.Fixtures.bjensen;
import static dev.scimlambda.scim.query.Fixtures.bjensenMatches;
import static dev.scimlambda.scim.query.Fixtures.filter;
import static dev.scimlambda.scim.query.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FilterEvaluator against RFC 7643's Barbara Jensen; the operators, paths and rejections have
 * their own specifications (FilterOperatorsTest, FilterPathsTest, FilterRejectionsTest...).
 */
class FilterEvaluatorTest {

  /** RFC 7644 §3.4.2.2's example filters, against RFC 7643's Barbara Jensen. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "userName eq \"bjensen\"                                   | false",
      "userName eq \"bjensen@example.com\"                       | true",
      "name.familyName co \"O'Malley\"                           | false",
      "name.familyName co \"ens\"                                | true",
      "userName sw \"J\"                                         | false",
      "userName sw \"B\"                                         | true",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\" | false",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"B\" | true",
      "title pr                                                  | true",
      "meta.lastModified gt \"2011-05-13T04:42:34Z\"             | false",
      "meta.lastModified ge \"2011-05-13T04:42:34Z\"             | true",
      "meta.lastModified lt \"2011-05-13T04:42:34Z\"             | false",
      "meta.lastModified le \"2011-05-13T04:42:34Z\"             | true",
      "title pr and userType eq \"Employee\"                     | true",
      "title pr or userType eq \"Intern\"                        | true",
      "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\" | true",
      "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\") | true",
      "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\") | false",
      "userType eq \"Employee\" and (emails.type eq \"work\")    | true",
      "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"] | true",
      "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"] | true",
  })
  void theRfcExampleFiltersSelectBarbaraJensenAsTheSpecificationMeans(String filter, boolean expected) {
    assertThat(bjensenMatches(filter)).isEqualTo(expected);
  }

  @Test
  void aCompiledFilterTestsManyResources() {
    Predicate<ObjectNode> employees = FilterEvaluator.compile(filter("userType eq \"employee\""), USER);

    List<ObjectNode> users = List.of(bjensen(), json("{\"userType\":\"Contractor\"}"), json("{}"));

    assertThat(users.stream().filter(employees)).hasSize(1);
  }
}
