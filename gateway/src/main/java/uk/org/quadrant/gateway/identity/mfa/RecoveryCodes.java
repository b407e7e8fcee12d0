package uk.org.quadrant.gateway.identity.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: {@value #COUNT} per account, each 120 random bits written as 24 base32 letters and
 * digits in groups of four ("k7qm-2xpa-…"), easy to read out and type. Only their SHA-256 is stored:
 * at 112 bits or more a plain cryptographic hash is enough (ASVS 5.0 6.5.2; below that it would need a
 * salted password hash); what is typed is folded first (case, spaces and hyphens do not matter).
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final int BYTES = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            byte[] bytes = new byte[BYTES];
            RANDOM.nextBytes(bytes);
            codes.add(Base32.grouped(Base32.encode(bytes)).replace(' ', '-').toLowerCase(Locale.ROOT));
        }
        return codes;
    }

    /** What is compared: lower case, no spaces or hyphens. */
    static String fold(String typed) {
        return typed.replace(" ", "").replace("-", "").trim().toLowerCase(Locale.ROOT);
    }

    /** A recovery code as typed could be one of ours: 24 base32 characters once folded. */
    static boolean looksLikeOne(String typed) {
        String f = fold(typed);
        return f.length() == BYTES * 8 / 5 && f.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'));
    }

    static String hash(String typed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fold(typed).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
