package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * A user-agent header in words, "Chrome on Windows", for the sessions list: enough for a person to
 * recognise their own devices, and no more is stored (not the header, which fingerprints). Hand-written
 * on purpose: the full parsers (ua-parser, Yauaa) carry megabytes of rules for a label that only has to
 * be recognisable; an unknown agent is "Unknown browser".
 */
final class DeviceNames {

    private DeviceNames() {
    }

    static String of(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser;
        if (ua.contains("edg/") || ua.contains("edge/")) {
            browser = "Edge";
        } else if (ua.contains("opr/") || ua.contains("opera")) {
            browser = "Opera";
        } else if (ua.contains("firefox/")) {
            browser = "Firefox";
        } else if (ua.contains("headlesschrome/")) {
            browser = "Headless Chrome";
        } else if (ua.contains("chrome/") || ua.contains("crios/")) {
            browser = "Chrome";
        } else if (ua.contains("safari/")) {
            browser = "Safari";
        } else if (ua.contains("curl/")) {
            browser = "curl";
        } else if (ua.contains("java")) {
            browser = "Java client";
        } else {
            browser = "Unknown browser";
        }
        String system;
        if (ua.contains("iphone") || ua.contains("ipad")) {
            system = "iOS";
        } else if (ua.contains("android")) {
            system = "Android";
        } else if (ua.contains("windows")) {
            system = "Windows";
        } else if (ua.contains("mac os") || ua.contains("macintosh")) {
            system = "macOS";
        } else if (ua.contains("cros")) {
            system = "ChromeOS";
        } else if (ua.contains("linux")) {
            system = "Linux";
        } else {
            return browser;
        }
        return browser + " on " + system;
    }
}
