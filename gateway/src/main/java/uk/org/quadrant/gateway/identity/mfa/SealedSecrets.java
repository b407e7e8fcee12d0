package uk.org.quadrant.gateway.identity.mfa;

import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals TOTP secrets for the database: AES-256-GCM under {@code derivedKey("quadrant/totp-secret/v1")},
 * a fresh 96-bit IV each time, the username as associated data (a sealed secret copied to another
 * account's row does not open). Stored as base64url(IV || ciphertext || tag). A new signing key cannot
 * open secrets sealed under the old one: rotating the key means everyone enrols again (docs/operations.md).
 */
@Singleton
class SealedSecrets {

    static final String LABEL = "quadrant/totp-secret/v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SealedSecrets(SigningKeyProvider keys) {
        this.key = keys.derivedKey(LABEL).aesKey();
    }

    String seal(byte[] secret, String username) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret; an {@link IllegalStateException} if it was not sealed by this key for this username. */
    byte[] open(String sealed, String username) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The second factor of " + username + " is not a sealed secret", e);
        }
        if (bytes.length <= IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("The second factor of " + username + " is not a sealed secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The second factor of " + username + " does not open with this key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
