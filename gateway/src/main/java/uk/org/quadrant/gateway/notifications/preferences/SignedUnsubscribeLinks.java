package uk.org.quadrant.gateway.notifications.preferences;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.tokens.DerivedKey;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Unsubscribe links that need no sign-in: {@code <quadrant.public-url>/notifications/unsubscribe?t=<token>},
 * the token {@code base64url("<KIND>:<username>") + "." + base64url(HMAC-SHA256(key, "unsubscribe:<KIND>:<username>"))}.
 * The key is derived from the token signing key as {@code identity.csrf.CsrfTokens} derives its own, with
 * another label ({@code HMAC(d, "quadrant/unsubscribe-link/v1")}, d the RSA private exponent): every
 * replica makes and accepts the same links, nobody without the key can make one for another person or
 * kind, and a new signing key makes every link already sent invalid. Links do not expire: an old
 * e-mail's link must still work (RFC 8058), and all it can do is turn one kind of reminder down.
 */
@Singleton
public class SignedUnsubscribeLinks implements UnsubscribeLinks {

    /** Whose reminder, and which kind, a valid token is for. */
    public record Subscription(String username, ReminderKind kind) {
    }

    static final String PATH = "/notifications/unsubscribe";
    private static final String LABEL = "quadrant/unsubscribe-link/v1";
    private static final int MAX_TOKEN = 512;

    private final DerivedKey key;
    private final String publicUrl;

    SignedUnsubscribeLinks(SigningKeyProvider keys, @Value("${quadrant.public-url}") String publicUrl) {
        this.key = keys.derivedKey(LABEL);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public String link(String username, ReminderKind kind) {
        return publicUrl + PATH + "?t=" + URLEncoder.encode(token(username, kind), StandardCharsets.UTF_8);
    }

    /** The token of {@code username}'s {@code kind} (the {@code t} of the link). */
    public String token(String username, ReminderKind kind) {
        String payload = kind.name() + ":" + username;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(payload));
    }

    /** What a token is for, or empty when it is not one this gateway's key made (forged, truncated, altered). */
    public Optional<Subscription> verify(@Nullable String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            String payload = new String(b64.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(mac(payload), b64.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            int colon = payload.indexOf(':');
            return Optional.of(new Subscription(payload.substring(colon + 1), ReminderKind.valueOf(payload.substring(0, colon))));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        return key.mac(("unsubscribe:" + payload).getBytes(StandardCharsets.UTF_8));
    }
}
