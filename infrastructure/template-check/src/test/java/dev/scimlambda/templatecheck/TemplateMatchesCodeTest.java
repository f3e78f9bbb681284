package dev.scimlambda.templatecheck;

import static dev.scimlambda.templatecheck.Template.list;
import static dev.scimlambda.templatecheck.Template.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.admin.api.AdminApiHandler;
import dev.scimlambda.admin.console.ConsoleController;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.runtime.FunctionManifest;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.table.TableDefinition;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds {@code template.yaml} to the code: each function's handler and the {@link FunctionManifest}
 * it publishes, the {@link Setting}s, the {@link TableDefinition}, and the operational settings the
 * functions rely on (SnapStart alias, log retention, stream failure handling), each role's secrets
 * per kind of secret, and the table's retention. {@link TranslatedTemplateTest} checks the template
 * as SAM translates it.
 */
class TemplateMatchesCodeTest {

  /** Services whose grants must match the manifests exactly; others are only checked for presence. */
  private static final Set<String> LEAST_PRIVILEGE_SERVICES = Set.of("dynamodb", "secretsmanager");

  private static Template template;

  @BeforeAll
  static void readTemplate() {
    template = Template.load();
    assertThat(template.functions()).as("functions in %s", template.file()).isNotEmpty();
  }

  @Test
  void everyFunctionHandlerExistsAndPublishesItsManifest() {
    SoftAssertions softly = new SoftAssertions();
    for (String function : template.functions()) {
      String handler = handlerClass(function);
      Class<?> type;
      try {
        type = Class.forName(handler, false, getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        softly.fail("%s: handler class %s is not on the classpath", function, handler);
        continue;
      }
      Field field;
      try {
        field = type.getField("MANIFEST");
      } catch (NoSuchFieldException e) {
        softly.fail("%s: %s has no public MANIFEST field", function, handler);
        continue;
      }
      softly.assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
          .as("%s: %s.MANIFEST is static final", function, handler)
          .isTrue();
      softly.assertThat(field.getType()).as("%s: type of %s.MANIFEST", function, handler).isEqualTo(FunctionManifest.class);
      softly.assertThat(manifest(function).handlerClass()).as("%s: MANIFEST.handlerClass", function).isEqualTo(handler);
    }
    softly.assertAll();
  }

  @Test
  void everyDeployedSettingAFunctionReadsIsSetInItsEnvironment() {
    SoftAssertions softly = new SoftAssertions();
    for (String function : template.functions()) {
      Set<String> environment = template.environment(function).keySet();
      for (Setting setting : manifest(function).settings()) {
        if (setting.deployed()) {
          softly.assertThat(environment)
              .as("%s reads %s: environment (function or Globals)", function, setting)
              .contains(setting.environmentVariable());
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void noScimVariableInTheTemplateIsUnknownToSetting() {
    Map<String, Setting> settings =
        Arrays.stream(Setting.values()).collect(Collectors.toMap(Setting::environmentVariable, s -> s));
    Set<String> variables = new TreeSet<>();
    collectScimKeys(template.root(), variables);
    assertThat(variables).as("SCIM_* variables in %s", template.file()).isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (String variable : variables) {
      Setting setting = settings.get(variable);
      softly.assertThat(setting).as("%s is a Setting", variable).isNotNull();
      if (setting != null) {
        softly.assertThat(setting.deployed()).as("%s is for deployment, not local runs only", variable).isTrue();
      }
    }
    softly.assertAll();
  }

  @Test
  void tableMatchesTheTableDefinition() {
    List<String> tables = template.resourcesOfType("AWS::DynamoDB::Table");
    assertThat(tables).as("DynamoDB tables").hasSize(1);
    Map<String, Object> table = template.properties(tables.get(0));
    TableDefinition expected = TableDefinition.load();

    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(list(table.get("AttributeDefinitions")).stream()
            .map(a -> new TableDefinition.Attribute(
                (String) map(a).get("AttributeName"), (String) map(a).get("AttributeType")))
            .toList())
        .as("AttributeDefinitions")
        .containsExactlyInAnyOrderElementsOf(expected.attributes());
    softly.assertThat(keySchema(table.get("KeySchema")))
        .as("KeySchema")
        .isEqualTo(keys(expected.partitionKey(), expected.sortKey()));

    Map<String, Object> indexes = new HashMap<>();
    for (Object index : list(table.get("GlobalSecondaryIndexes"))) {
      Map<String, Object> i = map(index);
      indexes.put((String) i.get("IndexName"),
          List.of(keySchema(i.get("KeySchema")), String.valueOf(map(i.get("Projection")).get("ProjectionType"))));
    }
    Map<String, Object> expectedIndexes = new HashMap<>();
    for (TableDefinition.Index i : expected.globalSecondaryIndexes()) {
      expectedIndexes.put(i.name(), List.of(keys(i.partitionKey(), i.sortKey()), i.projection()));
    }
    softly.assertThat(indexes).as("GlobalSecondaryIndexes (keys, projection)").isEqualTo(expectedIndexes);

    softly.assertThat(map(table.get("StreamSpecification")).get("StreamViewType"))
        .as("StreamSpecification.StreamViewType")
        .isEqualTo(expected.streamViewType());
    Map<String, Object> ttl = map(table.get("TimeToLiveSpecification"));
    softly.assertThat(ttl.get("AttributeName")).as("TimeToLiveSpecification.AttributeName").isEqualTo(expected.timeToLiveAttribute());
    softly.assertThat(ttl.get("Enabled")).as("TimeToLiveSpecification.Enabled").isEqualTo(Boolean.TRUE);
    softly.assertThat(table.get("BillingMode")).as("BillingMode").isEqualTo(expected.billingMode());
    softly.assertAll();
  }

  @Test
  void everyManifestActionIsGrantedAndNoTableOrSecretActionBeyondIt() {
    SoftAssertions softly = new SoftAssertions();
    for (String function : template.functions()) {
      softly.assertThat(template.functionProperty(function, "Role"))
          .as("%s: no explicit Role (its grants could not be checked)", function)
          .isNull();
      Set<String> manifestActions = manifest(function).iamActions().stream()
          .map(a -> a.toLowerCase(Locale.ROOT))
          .collect(Collectors.toCollection(TreeSet::new));
      List<Map<String, Object>> statements = new ArrayList<>();
      for (Object policy : list(template.functionProperty(function, "Policies"))) {
        Map<String, Object> document = map(policy);
        if (document.containsKey("Statement")) {
          list(document.get("Statement")).forEach(s -> statements.add(map(s)));
        } else {
          // A managed policy (name or ARN) or a SAM policy template: what it grants is not visible here.
          String name = policy instanceof String s ? s : String.join(",", document.keySet());
          softly.assertThat(name.toLowerCase(Locale.ROOT))
              .as("%s: policy %s is not an inline statement, so it must not concern DynamoDB or Secrets Manager", function, name)
              .doesNotContain("dynamodb")
              .doesNotContain("secret");
        }
      }

      Set<String> granted = new LinkedHashSet<>();
      for (Map<String, Object> statement : statements) {
        if (!"Allow".equals(statement.get("Effect"))) {
          continue;
        }
        softly.assertThat(statement).as("%s: Allow with NotAction cannot be checked", function).doesNotContainKey("NotAction");
        List<String> actions = list(statement.get("Action")).stream()
            .map(a -> String.valueOf(a).toLowerCase(Locale.ROOT))
            .toList();
        granted.addAll(actions);
        boolean guarded = actions.stream().anyMatch(a -> a.equals("*") || LEAST_PRIVILEGE_SERVICES.contains(service(a)));
        if (guarded) {
          softly.assertThat(list(statement.get("Resource")))
              .as("%s: resources of %s", function, actions)
              .isNotEmpty()
              .doesNotContain("*");
        }
      }

      for (String action : manifestActions) {
        softly.assertThat(granted.stream().anyMatch(g -> iamPattern(g).matcher(action).matches()))
            .as("%s calls %s: granted by its Policies %s", function, action, granted)
            .isTrue();
      }
      for (String action : granted) {
        if (action.equals("*") || LEAST_PRIVILEGE_SERVICES.contains(service(action))) {
          softly.assertThat(manifestActions)
              .as("%s is granted %s: listed in its MANIFEST (least privilege)", function, action)
              .contains(action);
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void eachFunctionIsGrantedExactlyItsManifestsSecretActionsPerKindOfSecret() {
    String prefix = secretPrefix();
    SoftAssertions softly = new SoftAssertions();
    for (String function : template.functions()) {
      List<Map<String, Object>> statements = new ArrayList<>();
      for (Object policy : list(template.functionProperty(function, "Policies"))) {
        statements.addAll(SecretGrants.statements(policy));
      }
      softly.assertThat(SecretGrants.of(statements, prefix, TemplateMatchesCodeTest::secretName))
          .as("%s: Secrets Manager actions by secret names (relative to %s), as its MANIFEST.secretActions", function, prefix)
          .isEqualTo(SecretGrants.normalized(manifest(function).secretActions()));
    }
    softly.assertAll();
  }

  @Test
  void everyManifestsSecretActionsAreItsSecretsManagerActionsOnKindsOfSecretTheCodeNames() {
    SecretNames names = new SecretNames("p");
    Map<String, String> kinds = Map.of(
        SecretNames.CONNECTIONS, names.connection("c1"),
        SecretNames.WEBHOOKS, names.webhook("w1", "h1"),
        SecretNames.DIRECTORY_CREDENTIALS, names.directoryCredentials("c1"),
        SecretNames.ADMIN_TOKEN, names.adminToken());
    SoftAssertions softly = new SoftAssertions();
    kinds.forEach((pattern, name) -> softly.assertThat(iamPattern("p/" + pattern).matcher(name).matches())
        .as("pattern %s covers %s", pattern, name).isTrue());
    for (String function : template.functions()) {
      FunctionManifest manifest = manifest(function);
      softly.assertThat(kinds.keySet()).as("%s: kinds of secret in MANIFEST.secretActions", function)
          .containsAll(manifest.secretActions().keySet());
      Set<String> scoped = new TreeSet<>();
      manifest.secretActions().values().forEach(scoped::addAll);
      softly.assertThat(scoped)
          .as("%s: every Secrets Manager action of MANIFEST.iamActions is scoped to a kind of secret", function)
          .isEqualTo(manifest.iamActions().stream().filter(a -> service(a.toLowerCase(Locale.ROOT)).equals("secretsmanager"))
              .collect(Collectors.toCollection(TreeSet::new)));
    }
    softly.assertAll();
  }

  @Test
  void theTableIsRetainedWhenTheStackIsDeletedOrReplacesIt() {
    SoftAssertions softly = new SoftAssertions();
    for (String table : template.resourcesOfType("AWS::DynamoDB::Table")) {
      softly.assertThat(template.resource(table).get("DeletionPolicy")).as("%s: DeletionPolicy", table).isEqualTo("Retain");
      softly.assertThat(template.resource(table).get("UpdateReplacePolicy")).as("%s: UpdateReplacePolicy", table).isEqualTo("Retain");
    }
    softly.assertAll();
  }

  @Test
  void snapStartIsOnAndEventsTargetTheAlias() {
    SoftAssertions softly = new SoftAssertions();
    Map<String, String> aliases = new HashMap<>();
    for (String function : template.functions()) {
      softly.assertThat(map(template.functionProperty(function, "SnapStart")).get("ApplyOn"))
          .as("%s: SnapStart.ApplyOn", function)
          .isEqualTo("PublishedVersions");
      // With AutoPublishAlias, SAM points the function's Events at the alias.
      Object alias = template.functionProperty(function, "AutoPublishAlias");
      softly.assertThat(alias).as("%s: AutoPublishAlias", function).isInstanceOf(String.class);
      if (alias instanceof String a && !a.isBlank()) {
        aliases.put(function, a);
      }
    }

    // Permissions written out in the template (not generated from Events) must name the alias too.
    Set<String> permitted = new TreeSet<>();
    for (String permission : template.resourcesOfType("AWS::Lambda::Permission")) {
      Object target = template.properties(permission).get("FunctionName");
      String function = Template.ref(target).map(r -> r.split("\\.", 2)[0]).orElse(null);
      softly.assertThat(function).as("%s: FunctionName is a Ref to a function of the template", permission).isIn(aliases.keySet());
      if (function != null) {
        softly.assertThat(Template.ref(target)).as("%s: FunctionName", permission).contains(function + ".Alias");
        if (Template.ref(target).orElseThrow().equals(function + ".Alias")) {
          permitted.add(function);
        }
      }
    }

    // Integrations written into an HTTP API's definition must invoke a function's alias, and that
    // function must let API Gateway invoke the alias.
    for (String api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
      List<Object> uris = new ArrayList<>();
      collectIntegrationUris(template.properties(api).get("DefinitionBody"), uris);
      for (Object uri : uris) {
        String text = Template.text(uri).orElse(String.valueOf(uri));
        List<String> targets = aliases.entrySet().stream()
            .filter(e -> invokesAlias(text, e.getKey(), e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
        softly.assertThat(targets).as("%s: integration %s invokes a function's alias", api, text).hasSize(1);
        softly.assertThat(permitted).as("%s: functions with an invoke permission on the alias", api).containsAll(targets);
      }
    }
    softly.assertAll();
  }

  @Test
  void everyPathTheAdminFunctionServesIsRoutedToIt() {
    String admin = template.functions().stream()
        .filter(f -> AdminApiHandler.class.getName().equals(handlerClass(f)))
        .findFirst().orElseThrow();
    String alias = (String) template.functionProperty(admin, "AutoPublishAlias");
    Map<String, Object> paths = new HashMap<>();
    for (String api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
      paths.putAll(map(map(template.properties(api).get("DefinitionBody")).get("paths")));
    }
    SoftAssertions softly = new SoftAssertions();
    for (String path : List.of("/admin/v1/{proxy+}", ConsoleController.ROOT, ConsoleController.ROOT + "/{proxy+}")) {
      List<Object> uris = new ArrayList<>();
      collectIntegrationUris(paths.get(path), uris);
      softly.assertThat(uris).as("integrations of route %s", path).hasSize(1);
      uris.forEach(uri -> softly.assertThat(invokesAlias(Template.text(uri).orElse(""), admin, alias))
          .as("route %s invokes %s's alias", path, admin).isTrue());
    }
    softly.assertAll();
  }

  /** The jars log JSON lines themselves (functions/lambda-logging); the level comes from the LogLevel parameter. */
  @Test
  void everyFunctionLogsJsonAtTheLogLevelParameter() {
    assertThat(map(template.root().get("Parameters")).get("LogLevel")).as("a LogLevel parameter").isNotNull();
    SoftAssertions softly = new SoftAssertions();
    for (String function : template.functions()) {
      Map<String, Object> logging = map(template.functionProperty(function, "LoggingConfig"));
      softly.assertThat(logging.get("LogFormat")).as("%s: LoggingConfig.LogFormat", function).isEqualTo("JSON");
      // Lambda reads the EMF metric lines (no "level") as INFO: its filter must never be above INFO.
      softly.assertThat(logging.get("ApplicationLogLevel"))
          .as("%s: LoggingConfig.ApplicationLogLevel", function)
          .isEqualTo(Map.of("Fn::If", List.of("DebugLogs", "DEBUG", "INFO")));
      softly.assertThat(Template.ref(template.environment(function).get(Setting.LOG_LEVEL.environmentVariable())))
          .as("%s: %s", function, Setting.LOG_LEVEL.environmentVariable()).contains("LogLevel");
    }
    softly.assertAll();
  }

  /** SAM's makefile build method runs {@code make build-<LogicalId>}; a missing target breaks {@code sam build}. */
  @Test
  void everyFunctionHasAMakefileBuildTarget() throws java.io.IOException {
    String makefile = java.nio.file.Files.readString(template.file().resolveSibling("Makefile"));
    SoftAssertions softly = new SoftAssertions();
    for (String function : template.functions()) {
      softly.assertThat(makefile).as("Makefile target of %s", function).contains("\nbuild-" + function + ": ");
    }
    softly.assertAll();
  }

  @Test
  void everyFunctionHasALogGroupWithRetention() {
    SoftAssertions softly = new SoftAssertions();
    Map<String, String> owners = new HashMap<>();
    for (String function : template.functions()) {
      Object logGroup = map(template.functionProperty(function, "LoggingConfig")).get("LogGroup");
      String id = Template.ref(logGroup).orElse(null);
      softly.assertThat(id).as("%s: LoggingConfig.LogGroup is a Ref to a log group of the template", function).isNotNull();
      if (id == null) {
        continue;
      }
      softly.assertThat(template.resource(id).get("Type")).as("%s: type of %s", function, id).isEqualTo("AWS::Logs::LogGroup");
      softly.assertThat(template.properties(id).get("RetentionInDays")).as("%s: %s.RetentionInDays", function, id).isNotNull();
      String previous = owners.put(id, function);
      softly.assertThat(previous).as("%s: log group %s is shared with %s", function, id, previous).isNull();
    }
    softly.assertAll();
  }

  @Test
  void streamEventReportsBatchItemFailuresBisectsAndHasAnOnFailureDestination() {
    SoftAssertions softly = new SoftAssertions();
    int streams = 0;
    for (String function : template.functions()) {
      for (Map.Entry<String, Object> event : map(template.properties(function).get("Events")).entrySet()) {
        if (!"DynamoDB".equals(map(event.getValue()).get("Type"))) {
          continue;
        }
        streams++;
        String name = function + "." + event.getKey();
        Map<String, Object> p = map(map(event.getValue()).get("Properties"));
        softly.assertThat(list(p.get("FunctionResponseTypes"))).as("%s: FunctionResponseTypes", name).contains("ReportBatchItemFailures");
        softly.assertThat(p.get("BisectBatchOnFunctionError")).as("%s: BisectBatchOnFunctionError", name).isEqualTo(Boolean.TRUE);
        softly.assertThat(p.get("MaximumRetryAttempts"))
            .as("%s: MaximumRetryAttempts bounded, or failed records never reach the destination", name)
            .isInstanceOf(Integer.class)
            .matches(n -> ((Integer) n) >= 0);
        Map<String, Object> onFailure = map(map(p.get("DestinationConfig")).get("OnFailure"));
        softly.assertThat(onFailure.get("Destination")).as("%s: DestinationConfig.OnFailure.Destination", name).isNotNull();
        // Type is SAM's cue to grant the function the right to send to the destination.
        softly.assertThat(onFailure.get("Type")).as("%s: DestinationConfig.OnFailure.Type", name).isIn("SQS", "SNS");
      }
    }
    softly.assertThat(streams).as("DynamoDB stream events").isPositive();
    softly.assertAll();
  }

  // --- helpers

  private static String handlerClass(String function) {
    Object handler = template.functionProperty(function, "Handler");
    assertThat(handler).as("%s: Handler", function).isInstanceOf(String.class);
    return ((String) handler).split("::", 2)[0];
  }

  private static FunctionManifest manifest(String function) {
    return Manifests.of(handlerClass(function));
  }

  /** {@code SCIM_SECRET_PREFIX} as the template writes it (one value for every function). */
  private static String secretPrefix() {
    Set<String> prefixes = new TreeSet<>();
    for (String function : template.functions()) {
      Object value = template.environment(function).get(Setting.SECRET_PREFIX.environmentVariable());
      Template.text(value).ifPresent(prefixes::add);
    }
    assertThat(prefixes).as("%s of the functions", Setting.SECRET_PREFIX.environmentVariable()).hasSize(1);
    return prefixes.iterator().next();
  }

  /** The name of a Secrets Manager secret resource of the template. */
  private static java.util.Optional<String> secretName(String logicalId) {
    Map<String, Object> resource = map(template.resources().get(logicalId));
    return "AWS::SecretsManager::Secret".equals(resource.get("Type"))
        ? Template.text(map(resource.get("Properties")).get("Name"))
        : java.util.Optional.empty();
  }

  private static List<String> keySchema(Object schema) {
    String hash = null;
    String range = null;
    for (Object key : list(schema)) {
      Map<String, Object> k = map(key);
      if ("HASH".equals(k.get("KeyType"))) {
        hash = (String) k.get("AttributeName");
      } else if ("RANGE".equals(k.get("KeyType"))) {
        range = (String) k.get("AttributeName");
      }
    }
    return keys(hash, range);
  }

  private static List<String> keys(String hash, String range) {
    return Arrays.asList(hash, range);
  }

  private static String service(String action) {
    int colon = action.indexOf(':');
    return colon < 0 ? action : action.substring(0, colon);
  }

  /** IAM action matching: case-insensitive, {@code *} and {@code ?} wildcards. */
  private static Pattern iamPattern(String granted) {
    StringBuilder regex = new StringBuilder();
    for (char c : granted.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }

  private static void collectScimKeys(Object node, Set<String> into) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (k instanceof String s && s.startsWith("SCIM_")) {
          into.add(s);
        }
        collectScimKeys(v, into);
      });
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectScimKeys(v, into));
    }
  }

  private static void collectIntegrationUris(Object node, List<Object> into) {
    if (node instanceof Map<?, ?> m) {
      Object integration = m.get("x-amazon-apigateway-integration");
      if (integration != null) {
        into.add(map(integration).get("uri"));
      }
      m.values().forEach(v -> collectIntegrationUris(v, into));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectIntegrationUris(v, into));
    }
  }

  /** Whether an integration URI (a Fn::Sub template) invokes the given alias of the function. */
  private static boolean invokesAlias(String uri, String function, String alias) {
    if (uri.contains("${" + function + ".Alias}/invocations") || uri.contains("${" + function + "Alias" + alias + "}/invocations")) {
      return true;
    }
    return Template.text(template.properties(function).get("FunctionName"))
        .map(name -> uri.contains(":function:" + name + ":" + alias + "/invocations"))
        .orElse(false);
  }
}
