package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The banners of the second-factor pages, named in the redirect ({@code ?notice=MFA_OFF}), never their
 * text, like {@code web.forms.Notice}; kept here so the second factor's words stay together.
 */
enum SecurityNotice {
    MFA_OFF("Your authenticator app is turned off. You sign in with your password alone."),
    RECOVERY_CODE_USED("You signed in with a recovery code. You have %s left: "
            + "if your phone is lost, turn the app off and set it up again, or make new recovery codes."),
    SET_UP_FIRST("Your role needs a second factor. Set up an authenticator app to carry on using Quadrant."),
    RESET("The second factor of %s is removed and every session they had has ended. They sign in with their password alone, "
            + "then set up their authenticator app again.");

    private final String text;

    SecurityNotice(String text) {
        this.text = text;
    }

    String on(String path) {
        return path + (path.contains("?") ? "&" : "?") + "notice=" + name();
    }

    String on(String path, String subject) {
        return on(path) + "&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }

    static @Nullable String banner(@Nullable String notice, @Nullable String subject) {
        if (notice == null) {
            return null;
        }
        for (SecurityNotice n : values()) {
            if (n.name().equals(notice)) {
                return n.text.replace("%s", subject == null ? "" : subject);
            }
        }
        return null;
    }
}
