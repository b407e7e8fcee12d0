package uk.org.quadrant.gateway.identity.mfa;

import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.SignedInUser;
import uk.org.quadrant.gateway.identity.tokens.DerivedKey;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The proof, between the password and the code, that the password was right: a hidden field of the
 * second-step form, {@code v1.<username>.<generation>.<expiry>.<mac>}, HMAC-SHA256 under
 * {@code derivedKey("quadrant/pending-sign-in/v1")}. It is bound to the username and the account's session
 * generation (a password reset or sign-out everywhere in between voids it), lives {@link #LIFETIME}, and
 * is no session: no cookie holds it, no route but {@code POST /login/code} reads it, and it opens nothing
 * without a code.
 */
@Singleton
class PendingSignIns {

    static final String LABEL = "quadrant/pending-sign-in/v1";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** Whose sign-in is half done, under which session generation. */
    record Pending(String username, long generation) {
    }

    private final DerivedKey key;
    private Clock clock = Clock.systemUTC();

    PendingSignIns(SigningKeyProvider keys) {
        this.key = keys.derivedKey(LABEL);
    }

    void clock(Clock clock) {
        this.clock = clock;
    }

    String issue(SignedInUser user) {
        String payload = "v1." + b64(user.username()) + "." + user.sessionGeneration() + "."
                + clock.instant().plus(LIFETIME).getEpochSecond();
        return payload + "." + key.mac(payload);
    }

    /** The pending sign-in, if {@code token} is one this gateway signed and it has not expired. */
    Optional<Pending> read(String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int cut = token.lastIndexOf('.');
        if (cut < 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, cut);
        if (!MessageDigest.isEqual(key.mac(payload).getBytes(StandardCharsets.US_ASCII),
                token.substring(cut + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 4 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        try {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            if (!clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            String username = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Optional.of(new Pending(username, Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
