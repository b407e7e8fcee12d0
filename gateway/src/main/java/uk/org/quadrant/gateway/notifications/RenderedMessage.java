package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.annotation.Nullable;

/** A message's subject and bodies as they will be sent, and the link it is unsubscribed by (if any). */
public record RenderedMessage(String subject, String text, String html, @Nullable String unsubscribe) {
}
