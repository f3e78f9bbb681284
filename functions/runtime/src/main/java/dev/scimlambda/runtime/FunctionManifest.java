package dev.scimlambda.runtime;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one Lambda function needs from its deployment: the settings it reads, the AWS actions it
 * calls, and which of the deployment's secrets each Secrets Manager action is for. Each handler
 * publishes one; the template check holds {@code template.yaml} to it.
 *
 * @param secretActions Secrets Manager actions by the secret names they apply to, written relative
 *     to the secret prefix as an IAM pattern (see {@code SecretNames}'s patterns, e.g.
 *     {@code connections/*}); the template grants exactly these, per pattern
 */
public record FunctionManifest(
    String handlerClass, Set<Setting> settings, Set<String> iamActions, Map<String, Set<String>> secretActions) {

  public FunctionManifest {
    secretActions = Map.copyOf(secretActions);
  }

  /** A function that uses no secret of the deployment. */
  public FunctionManifest(String handlerClass, Set<Setting> settings, Set<String> iamActions) {
    this(handlerClass, settings, iamActions, Map.of());
  }

  /** This manifest, with {@code actions} on the secrets matching {@code secretNames} added. */
  public FunctionManifest withSecretActions(String secretNames, Set<String> actions) {
    Map<String, Set<String>> all = new TreeMap<>(secretActions);
    all.merge(secretNames, Set.copyOf(actions), FunctionManifest::union);
    return new FunctionManifest(handlerClass, settings, iamActions, all);
  }

  /** Actions of the stores plus the function's own. */
  public static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
