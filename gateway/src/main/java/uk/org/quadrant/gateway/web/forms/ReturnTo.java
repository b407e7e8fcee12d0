package uk.org.quadrant.gateway.web.forms;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * Where a form goes back to after saving ("where they came from"). Only a path on this site is
 * accepted, so a crafted link cannot send the user elsewhere after a save (an open redirect).
 */
public final class ReturnTo {

    private static final Pattern LOCAL = Pattern.compile("/[A-Za-z0-9/_\\-.]*(\\?[A-Za-z0-9=&_\\-.%]*)?");

    private ReturnTo() {
    }

    /** {@code requested} if it is a plain local path, otherwise {@code fallback}. */
    public static String or(@Nullable String requested, String fallback) {
        if (requested == null || requested.isBlank() || requested.startsWith("//") || requested.contains("\\")
                || !LOCAL.matcher(requested).matches() || requested.contains("notice=")) {
            return fallback;
        }
        return requested;
    }
}
