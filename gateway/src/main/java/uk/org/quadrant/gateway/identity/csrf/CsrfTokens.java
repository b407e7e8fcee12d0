package uk.org.quadrant.gateway.identity.csrf;

import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.tokens.DerivedKey;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;


/**
 * The CSRF token of a signed-in browser session: HMAC-SHA256 of its session id under a key derived
 * from the token signing key with its own label ({@code HMAC(d, "quadrant/csrf-token/v1")}, d the RSA
 * private exponent). Every replica has the signing key, so every replica expects the same token, and
 * nobody without the key can compute one for a session; a new signing key is a new CSRF key.
 */
@Singleton
public class CsrfTokens {

    private static final String LABEL = "quadrant/csrf-token/v1";

    private final DerivedKey key;

    CsrfTokens(SigningKeyProvider keys) {
        this.key = keys.derivedKey(LABEL);
    }

    /** The token every form of the session {@code sessionId} must carry. */
    public String forSession(String sessionId) {
        return key.mac("session:" + sessionId);
    }
}
