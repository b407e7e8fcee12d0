package uk.org.quadrant.gateway.admin;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.Map;

/**
 * Post/Redirect/Get success messages. After a change the page redirects with {@code ?done=<key>&subject=<what>};
 * the key picks a fixed sentence, so a crafted link can only ever show one of these, with the subject as plain text.
 */
final class Banners {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("user-added", "User %s added. They can sign in with the password you set."),
            Map.entry("user-saved", "Changes to %s saved. A change of agency or roles reaches their browser when their session is next renewed."),
            Map.entry("user-disabled", "%s is disabled. They cannot sign in, and their current session ends when it is next renewed."),
            Map.entry("user-enabled", "%s is enabled and can sign in again."),
            Map.entry("password-reset", "Password for %s reset. Give them the new password in person or by phone, never by e-mail."),
            Map.entry("agency-added", "Agency %s added."),
            Map.entry("agency-renamed", "Agency %s renamed."),
            Map.entry("indicator-added", "Indicator %s added."),
            Map.entry("indicator-saved", "Indicator %s saved."),
            Map.entry("figure-set", "%s set."),
            Map.entry("figure-removed", "%s removed."),
            Map.entry("theme-added", "Theme %s added."),
            Map.entry("theme-saved", "Theme %s saved."));

    private Banners() {
    }

    static @Nullable String message(@Nullable String done, @Nullable String subject) {
        String template = done == null ? null : MESSAGES.get(done);
        return template == null ? null : String.format(template, subject == null ? "" : subject);
    }

    static URI redirect(String path, String done, String subject) {
        return URI.create(path + "?done=" + done + "&subject=" + uk.org.quadrant.gateway.clients.Calls.enc(subject));
    }
}
