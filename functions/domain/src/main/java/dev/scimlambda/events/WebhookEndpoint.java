package dev.scimlambda.events;

import java.net.URI;
import java.util.List;

/**
 * Where and with which secrets to deliver a workspace's events.
 *
 * @param signingSecrets the current secret first, then the previous one while a rotation's overlap lasts
 */
public record WebhookEndpoint(URI url, List<String> signingSecrets) {

  public WebhookEndpoint {
    signingSecrets = List.copyOf(signingSecrets);
  }
}
