package dev.scimlambda.runtime;

import java.util.Set;

/**
 * What one Lambda function needs from its deployment: the settings it reads and the AWS actions it
 * calls. Each handler publishes one; the template check holds {@code template.yaml} to it.
 */
public record FunctionManifest(String handlerClass, Set<Setting> settings, Set<String> iamActions) {}
