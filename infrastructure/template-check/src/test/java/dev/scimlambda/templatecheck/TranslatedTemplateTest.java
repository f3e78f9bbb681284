package dev.scimlambda.templatecheck;

import static dev.scimlambda.templatecheck.Template.list;
import static dev.scimlambda.templatecheck.Template.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.admin.api.AdminApiHandler;
import dev.scimlambda.connection.SecretNames;
import dev.scimlambda.runtime.Setting;
import dev.scimlambda.scim.api.ScimApiHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What an operator gets from {@code template.yaml} once SAM has translated it (issue 14): alarms
 * that notify someone, access logs and throttling on the HTTP API, reserved concurrency for the
 * SCIM function, retention on every log group, each role's secrets scoped per kind of secret, and a
 * table that survives the stack. Written over every function, stream mapping, API and log group,
 * so new ones are held to the same rules.
 */
class TranslatedTemplateTest {

  private static final String LAMBDA = "AWS::Lambda::Function";
  private static final String ALARM = "AWS::CloudWatch::Alarm";

  /** Access log fields an operator needs to follow one request (issue 14). */
  private static final Set<String> ACCESS_LOG_FIELDS = Set.of(
      "requestId", "ip", "requestTime", "httpMethod", "routeKey", "path", "status", "protocol",
      "responseLength", "integrationError", "integrationLatency", "responseLatency");

  /** Access log variables that would write bearer tokens, SCIM filters or claims to the log. */
  private static final List<String> SECRET_BEARING_VARIABLES =
      List.of("header", "authorization", "authorizer", "querystring", "$input", "$request");

  private static Template template;
  private static TranslatedTemplate translated;

  @BeforeAll
  static void translate() {
    template = Template.load();
    try {
      translated = TranslatedTemplate.of(template);
    } catch (TranslatedTemplate.Unavailable e) {
      Assumptions.abort("SAM translation unavailable, translated-template checks skipped: " + e.getMessage());
    }
    assertThat(translated.resourcesOfType(LAMBDA)).as("translated functions").isNotEmpty();
  }

  @Test
  void everyFunctionHasAnErrorsAndAThrottlesAlarm() {
    SoftAssertions softly = new SoftAssertions();
    for (String function : translated.resourcesOfType(LAMBDA)) {
      for (String metric : List.of("Errors", "Throttles")) {
        softly.assertThat(alarms("AWS/Lambda", metric).stream()
                .filter(alarm -> dimensions(alarm).size() == 1 && namesFunction(dimensions(alarm).get("FunctionName"), function))
                .toList())
            .as("%s: alarms on AWS/Lambda %s by FunctionName", function, metric)
            .isNotEmpty();
      }
    }
    softly.assertAll();
  }

  @Test
  void everyAlarmNotifiesATopicOnAlarmAndOnRecoveryAndIgnoresMissingData() {
    List<String> alarms = translated.resourcesOfType(ALARM);
    assertThat(alarms).as("alarms").isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (String alarm : alarms) {
      Map<String, Object> p = translated.properties(alarm);
      for (String actions : List.of("AlarmActions", "OKActions")) {
        softly.assertThat(list(p.get(actions))).as("%s.%s", alarm, actions).isNotEmpty();
        list(p.get(actions)).forEach(action -> softly.assertThat(notifiesATopic(action))
            .as("%s.%s: %s is an SNS topic of the stack or a topic ARN parameter, whichever applies", alarm, actions, action)
            .isTrue());
      }
      softly.assertThat(p.get("TreatMissingData")).as("%s: TreatMissingData (an idle system is not an alarm)", alarm)
          .isEqualTo("notBreaching");
    }
    softly.assertAll();
  }

  @Test
  void theStackOutputsTheTopicItsAlarmsNotify() {
    Set<String> outputs = new TreeSet<>();
    map(translated.root().get("Outputs")).values().forEach(o -> outputs.add(String.valueOf(map(o).get("Value"))));
    Set<String> notified = new TreeSet<>();
    translated.resourcesOfType(ALARM).forEach(a -> list(translated.properties(a).get("AlarmActions"))
        .forEach(action -> notified.add(String.valueOf(action))));
    assertThat(outputs).as("output values").containsAll(notified);
  }

  @Test
  void everyStreamMappingAlarmsOnTheIteratorAgeLambdaPublishesForItsAlias() {
    List<String> mappings = streamMappings();
    assertThat(mappings).as("DynamoDB stream mappings").isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (String mapping : mappings) {
      Optional<String> alias = Template.ref(translated.properties(mapping).get("FunctionName"))
          .filter(id -> translated.type(id).equals("AWS::Lambda::Alias"));
      softly.assertThat(alias).as("%s: FunctionName is a Ref to an alias", mapping).isPresent();
      if (alias.isEmpty()) {
        continue;
      }
      String function = Template.ref(translated.properties(alias.get()).get("FunctionName")).orElseThrow();
      String name = functionName(function);
      String resource = name + ":" + translated.properties(alias.get()).get("Name");
      List<String> matching = alarms("AWS/Lambda", "IteratorAge").stream()
          .filter(a -> text(dimensions(a).get("FunctionName")).equals(name)
              && text(dimensions(a).get("Resource")).equals(resource)
              && dimensions(a).size() == 2)
          .toList();
      softly.assertThat(matching).as("%s: IteratorAge alarms with FunctionName=%s, Resource=%s", mapping, name, resource)
          .isNotEmpty();
      for (String alarm : matching) {
        Map<String, Object> p = translated.properties(alarm);
        softly.assertThat(p.get("Statistic")).as("%s: Statistic", alarm).isEqualTo("Maximum");
        softly.assertThat(Template.ref(p.get("Threshold")).filter(translated::isParameter))
            .as("%s: Threshold is a parameter", alarm).isPresent();
      }
    }
    softly.assertAll();
  }

  @Test
  void everyOnFailureQueueAlarmsAsSoonAsItHoldsAMessage() {
    Set<String> queues = new TreeSet<>();
    for (String mapping : translated.resourcesOfType("AWS::Lambda::EventSourceMapping")) {
      Object destination = map(map(translated.properties(mapping).get("DestinationConfig")).get("OnFailure")).get("Destination");
      TranslatedTemplate.getAtt(destination, "Arn").filter(id -> translated.type(id).equals("AWS::SQS::Queue")).ifPresent(queues::add);
    }
    assertThat(queues).as("on-failure queues of the stream mappings").isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (String queue : queues) {
      List<String> matching = alarms("AWS/SQS", "ApproximateNumberOfMessagesVisible").stream()
          .filter(a -> TranslatedTemplate.getAtt(dimensions(a).get("QueueName"), "QueueName").equals(Optional.of(queue)))
          .toList();
      softly.assertThat(matching).as("%s: depth alarms", queue).isNotEmpty();
      for (String alarm : matching) {
        Map<String, Object> p = translated.properties(alarm);
        softly.assertThat(List.of(p.get("ComparisonOperator"), p.get("Threshold")))
            .as("%s: fires on one message", alarm).containsExactly("GreaterThanThreshold", 0);
      }
    }
    softly.assertAll();
  }

  @Test
  void everyHttpApiAlarmsOnServerErrorsOfItsStage() {
    List<String> stages = translated.resourcesOfType("AWS::ApiGatewayV2::Stage");
    assertThat(stages).as("HTTP API stages").isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (String stage : stages) {
      Map<String, Object> p = translated.properties(stage);
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("ApiId", p.get("ApiId"));
      expected.put("Stage", p.get("StageName"));
      softly.assertThat(alarms("AWS/ApiGateway", "5xx").stream().filter(a -> dimensions(a).equals(expected)).toList())
          .as("%s: 5xx alarms with dimensions %s", stage, expected).isNotEmpty();
    }
    softly.assertAll();
  }

  @Test
  void seatRefusalsCanAlarmAsAProductSignalOnTheServicesMetric() {
    List<String> matching = alarms("ScimLambda", "SeatRefusals");
    assertThat(matching).as("SeatRefusals alarms").hasSize(1);
    String alarm = matching.get(0);
    Object condition = translated.resource(alarm).get("Condition");
    assertThat(translated.conditions()).as("%s: Condition (a parameter turns it on)", alarm).containsKey(String.valueOf(condition));
    Map<String, Object> dimensions = dimensions(alarm);
    assertThat(dimensions.keySet()).as("%s: dimensions", alarm).containsExactly("Service");
    assertThat(text(dimensions.get("Service"))).isEqualTo("scim-lambda-${Stage}");
    // When the functions name their metrics' service and namespace, the alarm must watch those.
    for (String function : translated.resourcesOfType(LAMBDA)) {
      Map<String, Object> environment = map(map(translated.properties(function).get("Environment")).get("Variables"));
      if (environment.containsKey("POWERTOOLS_SERVICE_NAME")) {
        assertThat(text(environment.get("POWERTOOLS_SERVICE_NAME"))).as("%s: POWERTOOLS_SERVICE_NAME", function)
            .isEqualTo(text(dimensions.get("Service")));
      }
      if (environment.containsKey("POWERTOOLS_METRICS_NAMESPACE")) {
        assertThat(environment.get("POWERTOOLS_METRICS_NAMESPACE")).as("%s: POWERTOOLS_METRICS_NAMESPACE", function)
            .isEqualTo("ScimLambda");
      }
    }
  }

  @Test
  void everyHttpApiStageWritesJsonAccessLogsWithoutHeadersOrQueryStrings() {
    SoftAssertions softly = new SoftAssertions();
    for (String stage : translated.resourcesOfType("AWS::ApiGatewayV2::Stage")) {
      Map<String, Object> settings = map(translated.properties(stage).get("AccessLogSettings"));
      Optional<String> logGroup = TranslatedTemplate.getAtt(settings.get("DestinationArn"), "Arn");
      softly.assertThat(logGroup.map(translated::type)).as("%s: access log destination", stage).contains("AWS::Logs::LogGroup");
      Object format = settings.get("Format");
      softly.assertThat(format).as("%s: access log Format", stage).isInstanceOf(String.class);
      if (!(format instanceof String f)) {
        continue;
      }
      Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(f);
      softly.assertThat(parsed).as("%s: Format is one JSON object", stage).isInstanceOf(Map.class);
      softly.assertThat(map(parsed).keySet()).as("%s: access log fields", stage).containsAll(ACCESS_LOG_FIELDS);
      for (String variable : SECRET_BEARING_VARIABLES) {
        softly.assertThat(f.toLowerCase(Locale.ROOT)).as("%s: Format logs nothing from %s", stage, variable)
            .doesNotContain(variable.toLowerCase(Locale.ROOT));
      }
    }
    softly.assertAll();
  }

  @Test
  void everyHttpApiStageThrottlesItsDefaultRouteByParameters() {
    SoftAssertions softly = new SoftAssertions();
    for (String stage : translated.resourcesOfType("AWS::ApiGatewayV2::Stage")) {
      Map<String, Object> route = map(translated.properties(stage).get("DefaultRouteSettings"));
      for (String limit : List.of("ThrottlingBurstLimit", "ThrottlingRateLimit")) {
        Optional<String> parameter = Template.ref(route.get(limit)).filter(translated::isParameter);
        softly.assertThat(parameter).as("%s: DefaultRouteSettings.%s is a parameter", stage, limit).isPresent();
        parameter.ifPresent(p -> softly.assertThat(translated.parameter(p).get("Type")).as("%s: Type", p).isEqualTo("Number"));
      }
    }
    softly.assertAll();
  }

  @Test
  void theScimFunctionsReservedConcurrencyIsAParameterAndZeroLeavesItUnreserved() {
    String scim = functionWithHandler(ScimApiHandler.class.getName());
    Object reserved = translated.properties(scim).get("ReservedConcurrentExecutions");
    List<Object> choice = list(map(reserved).get("Fn::If"));
    assertThat(choice).as("%s: ReservedConcurrentExecutions is Fn::If [condition, parameter, AWS::NoValue]", scim).hasSize(3);
    String parameter = Template.ref(choice.get(1)).orElseThrow();
    assertThat(translated.isParameter(parameter)).as("%s is a parameter", parameter).isTrue();
    assertThat(Template.ref(choice.get(2))).contains("AWS::NoValue");
    Object condition = translated.conditions().get(String.valueOf(choice.get(0)));
    assertThat(condition).as("condition %s: %s is not 0", choice.get(0), parameter)
        .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", parameter), "0")))));
  }

  @Test
  void everyLogGroupKeepsARetentionPeriodAndEveryFunctionLogsToOne() {
    SoftAssertions softly = new SoftAssertions();
    List<String> logGroups = translated.resourcesOfType("AWS::Logs::LogGroup");
    for (String logGroup : logGroups) {
      softly.assertThat(translated.properties(logGroup).get("RetentionInDays")).as("%s: RetentionInDays", logGroup).isNotNull();
    }
    for (String function : translated.resourcesOfType(LAMBDA)) {
      Object target = map(translated.properties(function).get("LoggingConfig")).get("LogGroup");
      softly.assertThat(Template.ref(target)).as("%s: LoggingConfig.LogGroup", function).isPresent();
      Template.ref(target).ifPresent(id -> softly.assertThat(logGroups).as("%s: log groups", function).contains(id));
    }
    softly.assertAll();
  }

  @Test
  void eachRoleGrantsExactlyItsFunctionsSecretActionsPerKindOfSecret() {
    SoftAssertions softly = new SoftAssertions();
    for (String function : translated.resourcesOfType(LAMBDA)) {
      Map<String, Object> role = roleOf(function);
      softly.assertThat(role).as("%s: its role is a resource of the stack", function).isNotEmpty();
      Map<String, Set<String>> granted = secretGrants(function, role);
      softly.assertThat(granted)
          .as("%s: Secrets Manager actions by secret names (relative to the secret prefix)", function)
          .isEqualTo(SecretGrants.normalized(Manifests.of(handler(function)).secretActions()));
      for (Object arn : list(role.get("ManagedPolicyArns"))) {
        // AWS's Lambda execution roles grant logs and event-source reads, nothing on secrets.
        softly.assertThat(String.valueOf(arn)).as("%s: managed policy", function)
            .matches("arn:aws:iam::aws:policy/service-role/AWSLambda\\w*ExecutionRole");
      }
    }
    softly.assertAll();
  }

  @Test
  void onlyTheAdminFunctionCanReadTheAdminToken() {
    List<String> readers = new ArrayList<>();
    for (String function : translated.resourcesOfType(LAMBDA)) {
      Map<String, Set<String>> granted = secretGrants(function, roleOf(function));
      granted.forEach((names, actions) -> {
        boolean adminToken = names.equals(SecretNames.ADMIN_TOKEN) || names.equals("*") || names.equals("admin-*");
        if (adminToken && (actions.contains("secretsmanager:getsecretvalue") || actions.contains("*"))) {
          readers.add(function);
        }
      });
    }
    assertThat(readers).containsExactly(functionWithHandler(AdminApiHandler.class.getName()));
  }

  @Test
  void theTableIsRetainedWhenTheStackIsDeletedOrReplacesIt() {
    List<String> tables = translated.resourcesOfType("AWS::DynamoDB::Table");
    assertThat(tables).as("tables").isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (String table : tables) {
      softly.assertThat(translated.resource(table).get("DeletionPolicy")).as("%s: DeletionPolicy", table).isEqualTo("Retain");
      softly.assertThat(translated.resource(table).get("UpdateReplacePolicy")).as("%s: UpdateReplacePolicy", table).isEqualTo("Retain");
    }
    softly.assertAll();
  }

  // --- helpers

  private static List<String> alarms(String namespace, String metric) {
    return translated.resourcesOfType(ALARM).stream()
        .filter(a -> namespace.equals(translated.properties(a).get("Namespace"))
            && metric.equals(String.valueOf(translated.properties(a).get("MetricName"))))
        .toList();
  }

  private static Map<String, Object> dimensions(String alarm) {
    Map<String, Object> dimensions = new LinkedHashMap<>();
    for (Object d : list(translated.properties(alarm).get("Dimensions"))) {
      dimensions.put(String.valueOf(map(d).get("Name")), map(d).get("Value"));
    }
    return dimensions;
  }

  /** A plain string or the template of a Fn::Sub; anything else as its text, so it never equals a name. */
  private static String text(Object value) {
    return Template.text(value).orElse(String.valueOf(value));
  }

  private static String functionName(String function) {
    Object name = translated.properties(function).get("FunctionName");
    return Template.text(name).orElse(function);
  }

  private static boolean namesFunction(Object dimension, String function) {
    return Template.ref(dimension).map(function::equals).orElse(false) || text(dimension).equals(functionName(function));
  }

  private static boolean notifiesATopic(Object action) {
    Optional<String> ref = Template.ref(action);
    if (ref.isPresent()) {
      return translated.isParameter(ref.get())
          ? "String".equals(translated.parameter(ref.get()).get("Type"))
          : "AWS::SNS::Topic".equals(translated.type(ref.get()));
    }
    List<Object> choice = list(map(action).get("Fn::If"));
    return choice.size() == 3 && notifiesATopic(choice.get(1)) && notifiesATopic(choice.get(2));
  }

  private static List<String> streamMappings() {
    return translated.resourcesOfType("AWS::Lambda::EventSourceMapping").stream()
        .filter(m -> TranslatedTemplate.getAtt(translated.properties(m).get("EventSourceArn"), "StreamArn")
            .map(translated::type).filter("AWS::DynamoDB::Table"::equals).isPresent())
        .toList();
  }

  private static String handler(String function) {
    return String.valueOf(translated.properties(function).get("Handler"));
  }

  private static String functionWithHandler(String handlerClass) {
    return translated.resourcesOfType(LAMBDA).stream()
        .filter(f -> handler(f).split("::", 2)[0].equals(handlerClass))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no function with handler " + handlerClass));
  }

  private static Map<String, Object> roleOf(String function) {
    return TranslatedTemplate.getAtt(translated.properties(function).get("Role"), "Arn")
        .map(translated::properties)
        .orElse(Map.of());
  }

  private static Map<String, Set<String>> secretGrants(String function, Map<String, Object> role) {
    List<Object> documents = new ArrayList<>();
    list(role.get("Policies")).forEach(p -> documents.add(map(p).get("PolicyDocument")));
    Object prefix = map(map(translated.properties(function).get("Environment")).get("Variables"))
        .get(Setting.SECRET_PREFIX.environmentVariable());
    return SecretGrants.of(SecretGrants.statements(documents), text(prefix), TranslatedTemplateTest::secretName);
  }

  private static Optional<String> secretName(String logicalId) {
    return "AWS::SecretsManager::Secret".equals(translated.type(logicalId))
        ? Template.text(translated.properties(logicalId).get("Name"))
        : Optional.empty();
  }
}
