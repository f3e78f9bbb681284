package dev.scimlambda.templatecheck;

import static dev.scimlambda.templatecheck.Template.list;
import static dev.scimlambda.templatecheck.Template.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.admin.console.ConsoleController;
import dev.scimlambda.runtime.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the template signs admins in (docs/operations.md, admin sign-in): the function always gets the
 * identity provider's settings from the parameters and verifies JWTs itself; the HTTP API's JWT
 * authorizer guards the admin routes only in a JWT-only deployment, where it cannot lock out an
 * operator token; the console's routes, setup links included, never carry it.
 */
class AdminSignInTemplateTest {

  private static final String ADMIN_FUNCTION = "AdminApiFunction";
  private static Template template;
  private static Map<String, Object> paths;
  private static Map<String, Object> definition;

  @BeforeAll
  static void load() {
    template = Template.load();
    definition = map(template.properties("HttpApi").get("DefinitionBody"));
    paths = map(definition.get("paths"));
  }

  @Test
  void theAdminFunctionReadsTheIdentityProviderFromTheParameters() {
    Map<String, Object> environment = template.environment(ADMIN_FUNCTION);
    assertThat(Template.ref(environment.get(Setting.ADMIN_JWT_ISSUER.environmentVariable()))).contains("AdminJwtIssuer");
    assertThat(Template.ref(environment.get(Setting.ADMIN_JWT_AUDIENCE.environmentVariable()))).contains("AdminJwtAudience");
    assertThat(Template.ref(environment.get(Setting.ADMIN_WORKSPACES_CLAIM.environmentVariable())))
        .contains("AdminWorkspacesClaim");
    assertThat(environment.get(Setting.ADMIN_JWKS.environmentVariable()).toString()).contains("AdminJwksUrl");
    assertThat(environment.get(Setting.ADMIN_TOKEN_SECRET_ID.environmentVariable()).toString())
        .contains("UseOperatorToken", "AdminTokenSecret");
  }

  @Test
  void theJwtAuthorizerGuardsTheAdminRoutesOnlyInAJwtOnlyDeployment() {
    Object security = map(map(paths.get("/admin/v1/{proxy+}")).get("x-amazon-apigateway-any-method")).get("security");
    List<Object> choice = list(map(security).get("Fn::If"));
    assertThat(choice.get(0)).isEqualTo("AdminJwtAtGateway");
    assertThat(choice.get(1).toString()).contains("AdminJwt");
    assertThat(choice.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));

    List<Object> condition = list(map(map(template.root().get("Conditions")).get("AdminJwtAtGateway")).get("Fn::And"));
    assertThat(condition.toString()).contains("UseAdminJwt", "Fn::Not", "UseOperatorToken");
  }

  @Test
  void theAuthorizerChecksTheParametersIssuerAndAudience() {
    List<Object> components = list(map(definition.get("components")).get("Fn::If"));
    assertThat(components.get(0)).isEqualTo("AdminJwtAtGateway");
    Map<String, Object> authorizer = map(map(map(map(components.get(1)).get("securitySchemes")).get("AdminJwt"))
        .get("x-amazon-apigateway-authorizer"));
    assertThat(authorizer.get("type")).isEqualTo("jwt");
    assertThat(authorizer.get("identitySource")).isEqualTo("$request.header.Authorization");
    Map<String, Object> jwt = map(authorizer.get("jwtConfiguration"));
    assertThat(jwt.get("issuer")).isEqualTo(Map.of("Ref", "AdminJwtIssuer"));
    assertThat(list(jwt.get("audience"))).containsExactly(Map.of("Ref", "AdminJwtAudience"));
  }

  @Test
  void theConsoleRoutesWhereSetupLinksAreRedeemedCarryNoAuthorizer() {
    for (String path : List.of(ConsoleController.ROOT, ConsoleController.ROOT + "/{proxy+}")) {
      assertThat(map(map(paths.get(path)).get("get"))).as(path).doesNotContainKey("security");
    }
  }
}
