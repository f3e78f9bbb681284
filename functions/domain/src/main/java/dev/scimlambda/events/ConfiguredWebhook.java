package dev.scimlambda.events;

import java.util.Optional;

/** A webhook after it was set, with its signing secret when it was just generated (shown once). */
public record ConfiguredWebhook(Webhook webhook, Optional<String> signingSecret) {}
