package uk.org.quadrant.gateway.identity.csrf;

import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The CSRF token of a signed-in browser session: HMAC-SHA256 of its session id under a key derived
 * from the token signing key with its own label ({@code HMAC(d, "quadrant/csrf-token/v1")}, d the RSA
 * private exponent). Every replica has the signing key, so every replica expects the same token, and
 * nobody without the key can compute one for a session; a new signing key is a new CSRF key.
 */
@Singleton
public class CsrfTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] LABEL = "quadrant/csrf-token/v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    CsrfTokens(SigningKeyProvider keys) throws GeneralSecurityException {
        byte[] exponent = keys.privateKey().getPrivateExponent().decode();
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(exponent, ALGORITHM), LABEL), ALGORITHM);
    }

    /** The token every form of the session {@code sessionId} must carry. */
    public String forSession(String sessionId) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    hmac(key, ("session:" + sessionId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(key);
        return mac.doFinal(message);
    }
}
