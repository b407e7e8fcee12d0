package uk.org.quadrant.gateway.web.forms;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.Calls;

import java.util.Optional;

/**
 * The success banners shown after a form's Post/Redirect/Get. Only these fixed sentences can be
 * shown: the redirect carries the name of one ({@code ?notice=VALUE_SUBMITTED}), never the text, so a
 * link cannot make the page say something else. A notice that names what changed takes it from
 * {@code &subject=}, shown as plain text in its one place ({@code %s}).
 */
public enum Notice {
    VALUE_SAVED("Value saved as a draft. It is not with the board yet: submit it when it is ready"),
    VALUE_SAVED_FOR_LEAD("Value saved as a draft. Your agency's lead now sees it as ready to check and submit to the board"),
    VALUE_SUBMITTED("Value saved and submitted for approval. The board manager approves it or returns it to you with a reason"),
    VALUE_APPROVED("Value approved"),
    VALUE_RETURNED("Value returned to the agency with your reason"),
    UPDATE_RECORDED("Progress update recorded"),
    CASE_RECORDED("Case grade recorded"),
    FINDING_RECORDED("Finding recorded"),
    STANDARD_RATED("Section 11 standard rated"),
    USER_ADDED("User %s added. They can sign in with the password you set."),
    USER_SAVED("Changes to %s saved. A change of agency or roles reaches their browser when their session is next renewed."),
    USER_DISABLED("%s is disabled. They cannot sign in, and their current session ends when it is next renewed."),
    USER_ENABLED("%s is enabled and can sign in again."),
    REMINDERS_SAVED("Your e-mail reminders are saved."),
    PASSWORD_CHANGED("Your password is changed. Anywhere else you were signed in, you have been signed out."),
    PASSWORD_RESET("Password for %s reset. Give them the new password in person or by phone, never by e-mail."),
    AGENCY_ADDED("Agency %s added."),
    AGENCY_RENAMED("Agency %s renamed."),
    INDICATOR_ADDED("Indicator %s added."),
    INDICATOR_SAVED("Indicator %s saved."),
    FIGURE_SET("%s set."),
    FIGURE_REMOVED("%s removed."),
    THEME_ADDED("Theme %s added."),
    THEME_SAVED("Theme %s saved."),
    MAPPING_SAVED("Mapping of %s to published statistics saved."),
    FIGURES_IMPORTED("Published figures for %s imported."),
    PLACE_SAVED("The partnership's place saved."),
    REMINDERS_RUN("Reminders run: %s."),
    STAGED_APPROVED("%s imported: its figures are now the published statistics compared."),
    STAGED_DISCARDED("%s discarded. Nothing was imported, and it is not staged again.");

    private final String text;

    Notice(String text) {
        this.text = text;
    }

    /** The sentence of a notice that names nothing. */
    public String text() {
        return text(null);
    }

    /** The sentence, with {@code subject} (plain text) in the place of {@code %s}. */
    public String text(@Nullable String subject) {
        return text.replace("%s", subject == null ? "" : subject);
    }

    public static Optional<Notice> parse(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Notice n : values()) {
            if (n.name().equals(name)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The banner for {@code ?notice=…&subject=…}, or null when the link names no notice of ours. */
    public static @Nullable String banner(@Nullable String notice, @Nullable String subject) {
        return parse(notice).map(n -> n.text(subject)).orElse(null);
    }

    /** {@code path} with this notice added to its query. */
    public String on(String path) {
        return path + (path.contains("?") ? "&" : "?") + "notice=" + name();
    }

    /** {@code path} with this notice and what it names added to its query. */
    public String on(String path, String subject) {
        return on(path) + "&subject=" + Calls.enc(subject);
    }
}
