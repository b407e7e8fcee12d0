package uk.org.quadrant.gateway.identity.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An enrolment begun and not yet confirmed: the key as the person types it into their app (grouped) and
 * as the QR code carries it ({@code otpauth://totp/Quadrant:<username>?secret=…&issuer=Quadrant}).
 */
public record Enrolment(String username, String key) {

    static final String ISSUER = "Quadrant";

    /** The key in groups of four, for typing. */
    public String groupedKey() {
        return Base32.grouped(key);
    }

    public String otpauthUri() {
        String label = enc(ISSUER) + ":" + enc(username);
        return "otpauth://totp/" + label + "?secret=" + key + "&issuer=" + enc(ISSUER)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
