package uk.org.quadrant.gateway.identity.tokens;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A 256-bit key for one purpose, derived from the token signing key by
 * {@link SigningKeyProvider#derivedKey(String)}: {@code HMAC-SHA256(d, label)}, d the RSA private
 * exponent. Every replica holds the signing key, so every replica derives the same key; nobody without
 * it can; a new signing key is a new derived key. One label, one purpose: a key that signs links is
 * never the key that seals secrets.
 */
public final class DerivedKey {

    private static final String HMAC = "HmacSHA256";

    private final byte[] bytes;

    DerivedKey(byte[] secret, String label) {
        this.bytes = hmac(secret, label.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code message} under this key. */
    public byte[] mac(byte[] message) {
        return hmac(bytes, message);
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code message}, base64url without padding. */
    public String mac(String message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** The same 32 bytes as an AES-256 key, for sealing (AES/GCM) what must be read back. */
    public SecretKey aesKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
