package dev.scimlambda.runtime;

import java.util.Set;

/**
 * What one Lambda function needs from its deployment: the settings it reads and the AWS actions it
 * calls. Each handler publishes one; the template check holds {@code template.yaml} to it.
 */
public record FunctionManifest(String handlerClass, Set<Setting> settings, Set<String> iamActions) {

  /** Actions of the stores plus the function's own. */
  public static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
