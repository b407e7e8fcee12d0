package uk.org.quadrant.gateway.identity.mfa;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time passwords as every authenticator app makes them: HMAC-SHA1, 30-second
 * steps from the Unix epoch, 6 digits (RFC 4226 dynamic truncation). {@link #matchingStep} accepts the
 * current step and one either side (clock skew of up to 30 s each way), never two.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps either side of now that a code may be for. */
    public static final int SKEW_STEPS = 1;

    private Totp() {
    }

    /** The step {@code at} falls in: floor(unix seconds / 30). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code for {@code step}. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, "HmacSHA1");
    }

    /** RFC 6238's generator (Appendix A): {@code digits} digits of the truncated HMAC of the step, zero-padded. */
    public static String code(byte[] secret, long step, int digits, String algorithm) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulus = (long) Math.pow(10, digits);
        String otp = Long.toString(binary % modulus);
        return "0".repeat(digits - otp.length()) + otp;
    }

    /**
     * The step {@code typed} is the code of, among now and one step either side, or empty. Each candidate
     * is compared in constant time, and all three are compared, so the time taken says nothing.
     */
    public static OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        if (typed == null || typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = Long.MIN_VALUE;
        for (long s = current - SKEW_STEPS; s <= current + SKEW_STEPS; s++) {
            if (MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII))) {
                found = s;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
