package uk.org.quadrant.gateway.web.forms;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * The success banners shown after a form's Post/Redirect/Get. Only these fixed sentences can be
 * shown: the redirect carries the name of one ({@code ?notice=VALUE_SUBMITTED}), never the text, so a
 * link cannot make the page say something else.
 */
public enum Notice {
    VALUE_SAVED("Value saved as a draft"),
    VALUE_SUBMITTED("Value saved and submitted for approval"),
    VALUE_APPROVED("Value approved"),
    VALUE_RETURNED("Value returned to the agency with your reason"),
    UPDATE_RECORDED("Progress update recorded"),
    CASE_RECORDED("Case grade recorded"),
    FINDING_RECORDED("Finding recorded"),
    STANDARD_RATED("Section 11 standard rated");

    private final String text;

    Notice(String text) {
        this.text = text;
    }

    public String text() {
        return text;
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

    /** {@code path} with this notice added to its query. */
    public String on(String path) {
        return path + (path.contains("?") ? "&" : "?") + "notice=" + name();
    }
}
