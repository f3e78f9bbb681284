package dev.scimlambda.events;

import java.net.URI;

/** Where and with what secret to deliver a workspace's events. */
public record WebhookEndpoint(URI url, String signingSecret) {}
