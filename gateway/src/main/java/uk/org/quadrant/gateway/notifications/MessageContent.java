package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What one message says, before it is rendered as plain text and HTML ({@link MessageRenderer}): the
 * same words in both, so they cannot drift apart.
 *
 * @param subject    the subject line
 * @param heading    the first line of the body
 * @param paragraphs what it is about
 * @param items      the things to do, each a line with an optional link and detail
 * @param actionText the one thing to do next ("Go to your agency's page"), or null
 * @param actionPath where that is, a path of the gateway ("/agency/TVP"), or null
 */
public record MessageContent(String subject, String heading, List<String> paragraphs, List<Line> items,
                             @Nullable String actionText, @Nullable String actionPath) {

    public MessageContent {
        paragraphs = List.copyOf(paragraphs);
        items = List.copyOf(items);
    }

    /** One thing listed: its words, the page it is done on (a gateway path, or null) and a detail line (or null). */
    public record Line(String text, @Nullable String path, @Nullable String detail) {
    }
}
