package dev.scimlambda.templatecheck;

import static dev.scimlambda.templatecheck.Template.list;
import static dev.scimlambda.templatecheck.Template.map;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The Secrets Manager actions a set of IAM statements allows, by the secret names they apply to,
 * written the way {@link dev.scimlambda.runtime.FunctionManifest#secretActions()} writes them:
 * relative to the deployment's secret prefix ({@code connections/*}, {@code admin-token}). A
 * resource that is not a secret under the prefix keeps its full text (a {@code *} stays {@code *}),
 * so it can never equal a manifest's entry.
 */
final class SecretGrants {

  /** What an ARN written with {@code Fn::Sub} starts with before the secret's name. */
  private static final String SECRET_ARN = "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:";

  private SecretGrants() {}

  /**
   * @param prefix the secret prefix as the template writes it (the {@code Fn::Sub} text of
   *     {@code SCIM_SECRET_PREFIX}, e.g. {@code scim-lambda/${Stage}})
   * @param secretName the name of a secret resource of the template, for a {@code Ref} to it
   */
  static Map<String, Set<String>> of(
      Iterable<Map<String, Object>> statements, String prefix, Function<String, Optional<String>> secretName) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (Map<String, Object> statement : statements) {
      if (!"Allow".equals(statement.get("Effect"))) {
        continue;
      }
      Set<String> actions = new TreeSet<>();
      for (Object action : list(statement.get("Action"))) {
        String a = String.valueOf(action).toLowerCase(Locale.ROOT);
        if (a.equals("*") || a.startsWith("secretsmanager:")) {
          actions.add(a);
        }
      }
      if (actions.isEmpty()) {
        continue;
      }
      Object resources = statement.containsKey("NotResource") ? "NotResource" : statement.get("Resource");
      for (Object resource : list(resources)) {
        String names = relative(resource, prefix, secretName);
        grants.computeIfAbsent(names, k -> new TreeSet<>()).addAll(actions);
      }
    }
    return grants;
  }

  private static String relative(Object resource, String prefix, Function<String, Optional<String>> secretName) {
    Optional<String> name = Template.ref(resource).flatMap(secretName);
    if (name.isEmpty()) {
      name = Template.text(resource).filter(t -> t.startsWith(SECRET_ARN)).map(t -> t.substring(SECRET_ARN.length()));
    }
    String full = name.orElseGet(() -> Template.text(resource).orElse(String.valueOf(resource)));
    return full.startsWith(prefix + "/") ? full.substring(prefix.length() + 1) : full;
  }

  /** A manifest's grants with actions lower-cased, as IAM compares them. */
  static Map<String, Set<String>> normalized(Map<String, Set<String>> grants) {
    Map<String, Set<String>> out = new TreeMap<>();
    grants.forEach((names, actions) -> actions.forEach(
        a -> out.computeIfAbsent(names, k -> new TreeSet<>()).add(a.toLowerCase(Locale.ROOT))));
    return out;
  }

  /** The statements of a role's or function's inline policies ({@code Statement} lists). */
  static java.util.List<Map<String, Object>> statements(Object policyDocuments) {
    java.util.List<Map<String, Object>> statements = new java.util.ArrayList<>();
    for (Object document : list(policyDocuments)) {
      list(map(document).get("Statement")).forEach(s -> statements.add(map(s)));
    }
    return statements;
  }
}
