package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.notifications.MessageContent.Line;
import uk.org.quadrant.gateway.notifications.preferences.ReminderKind;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link MessageContent} into the plain-text and HTML bodies sent, in the GOV.UK style (GOV.UK
 * Notify's own layout: a black header bar with the service name, Arial, blue underlined links, no
 * images and nothing that tracks opening). Links are absolute ({@code quadrant.notifications.public-url}).
 * Every message ends with how to stop it: the signed one-click link for its kind, or, for a digest,
 * the page where each kind is chosen.
 */
@Singleton
public class MessageRenderer {

    static final String PREFERENCES_PATH = "/account/reminders";

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final NotificationSettings settings;

    MessageRenderer(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views, NotificationSettings settings) {
        this.views = views;
        this.settings = settings;
    }

    /** One line as the HTML template shows it: its words, absolute link and detail. */
    public record RenderedLine(String text, @Nullable String href, @Nullable String detail) {
    }

    /**
     * @param kind        the kind of reminder it is, or null for a digest of several
     * @param unsubscribe the signed link that stops (or, statutory, moves to the digest) this kind, or null
     */
    public RenderedMessage render(MessageContent content, @Nullable ReminderKind kind, @Nullable String unsubscribe) {
        String footer = footer(kind, unsubscribe);
        return new RenderedMessage(content.subject(), text(content, footer, unsubscribe, List.of()),
                html(content, footer, unsubscribe, List.of()), unsubscribe);
    }

    /**
     * A notice about the reader's own account (invitation, password reset, "your password was changed"):
     * not a reminder, so no unsubscribe link and no link to the reminder choices; it cannot be switched off.
     */
    public RenderedMessage renderAccountNotice(MessageContent content) {
        String footer = ACCOUNT_FOOTER;
        return new RenderedMessage(content.subject(), text(content, footer, null, List.of()),
                html(content, footer, null, List.of()), null);
    }

    static final String ACCOUNT_FOOTER = "This e-mail is about your Quadrant account, so it cannot be switched off.";

    /** One kind's signed link in a digest's footer: "Stop: Actions overdue, …" or "Weekly digest only: …". */
    public record StopLink(String words, String href) {
    }

    /**
     * A weekly digest: it gathers several kinds, so its footer carries each kind's own one-click link
     * (a mail client's one-click header can name only one, so it has none).
     */
    public RenderedMessage renderDigest(MessageContent content, List<StopLink> stopLinks) {
        String footer = "Each kind of reminder in this digest can be stopped with its own link below"
                + " (statutory returns' reminders cannot be switched off: theirs keeps them in this digest).";
        return new RenderedMessage(content.subject(), text(content, footer, null, stopLinks), html(content, footer, null, stopLinks), null);
    }

    private String footer(@Nullable ReminderKind kind, @Nullable String unsubscribe) {
        if (kind == null || unsubscribe == null) {
            return "Choose which reminders you get, and how, on your reminders page.";
        }
        return kind.statutory()
                ? "Reminders about statutory returns cannot be switched off, but you can get them in a weekly digest instead."
                : "You can stop these e-mails with one click.";
    }

    private String text(MessageContent c, String footer, @Nullable String unsubscribe, List<StopLink> stopLinks) {
        StringBuilder out = new StringBuilder();
        out.append(c.heading()).append("\n\n");
        for (String p : c.paragraphs()) {
            out.append(p).append("\n\n");
        }
        for (Line line : c.items()) {
            out.append("* ").append(line.text()).append('\n');
            if (line.detail() != null) {
                out.append("  ").append(line.detail()).append('\n');
            }
            if (line.path() != null) {
                out.append("  ").append(settings.link(line.path())).append('\n');
            }
        }
        if (!c.items().isEmpty()) {
            out.append('\n');
        }
        if (c.actionText() != null && c.actionPath() != null) {
            out.append(c.actionText()).append(": ").append(settings.link(c.actionPath())).append("\n\n");
        }
        out.append("---\n").append(footer).append('\n');
        if (unsubscribe != null) {
            out.append(unsubscribeWords(footer)).append(": ").append(unsubscribe).append('\n');
        }
        for (StopLink stop : stopLinks) {
            out.append(stop.words()).append(": ").append(stop.href()).append('\n');
        }
        if (!ACCOUNT_FOOTER.equals(footer)) {
            out.append("Your reminders: ").append(settings.link(PREFERENCES_PATH)).append('\n');
        }
        out.append("Quadrant, the safeguarding children partnership's performance, audit and action system.\n");
        return out.toString();
    }

    private static String unsubscribeWords(String footer) {
        return footer.contains("weekly digest instead") ? "Get these in the weekly digest" : "Stop these e-mails";
    }

    private String html(MessageContent c, String footer, @Nullable String unsubscribe, List<StopLink> stopLinks) {
        List<RenderedLine> lines = new ArrayList<>();
        for (Line line : c.items()) {
            lines.add(new RenderedLine(line.text(), line.path() == null ? null : settings.link(line.path()), line.detail()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("content", c);
        model.put("lines", lines);
        model.put("actionHref", c.actionPath() == null ? null : settings.link(c.actionPath()));
        model.put("footer", footer);
        model.put("unsubscribe", unsubscribe);
        model.put("unsubscribeWords", unsubscribeWords(footer));
        model.put("stopLinks", stopLinks);
        model.put("preferences", ACCOUNT_FOOTER.equals(footer) ? null : settings.link(PREFERENCES_PATH));
        StringWriter out = new StringWriter();
        try {
            views.render("notifications/email", model, null).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
