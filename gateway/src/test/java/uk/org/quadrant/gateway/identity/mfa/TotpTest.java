package uk.org.quadrant.gateway.identity.mfa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6238 Appendix B (SHA-1), the 6-digit truncation apps use, clock skew, base32 and recovery codes. */
class TotpTest {

    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s: {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void rfc6238AppendixBVectorsForSha1(long unixSeconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertEquals(expected, Totp.code(RFC_KEY, step, 8, "HmacSHA1"));
        // Six digits are the same truncated value modulo 10^6: the vector's last six digits.
        assertEquals(expected.substring(2), Totp.code(RFC_KEY, step));
    }

    @Test
    void theStepsOfTheVectorsAreRfc6238s() {
        assertEquals(1L, Totp.step(Instant.ofEpochSecond(59)));
        assertEquals(0x23523ECL, Totp.step(Instant.ofEpochSecond(1111111109)));
        assertEquals(0x27BC86AAL, Totp.step(Instant.ofEpochSecond(20000000000L)));
    }

    @Test
    void oneStepOfSkewEitherWayIsAcceptedTwoAreNot() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step), now));
        assertEquals(OptionalLong.of(step - 1), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now));
        assertEquals(OptionalLong.of(step + 1), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now));
    }

    @Test
    void anythingButSixDigitsIsNoCode() {
        Instant now = Instant.ofEpochSecond(59);
        for (String typed : List.of("", "94287082", "28708", "2870821", "28708a", " 87082", "２８７０８２")) {
            assertEquals(OptionalLong.empty(), Totp.matchingStep(RFC_KEY, typed, now), typed);
        }
        assertTrue(Totp.matchingStep(RFC_KEY, "287082", now).isPresent());
    }

    @Test
    void base32IsRfc4648s() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(RFC_KEY));
        assertEquals("12345678901234567890", new String(Base32.decode("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq"), StandardCharsets.US_ASCII));
        assertEquals("MZXW6YQ", Base32.encode("foob".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GEZD GNBV GY3T QOJQ", Base32.grouped("GEZDGNBVGY3TQOJQ"));
    }

    @Test
    void theOtpauthUriNamesQuadrantAsIssuer() {
        Enrolment e = new Enrolment("tvp.lead", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertEquals("otpauth://totp/Quadrant:tvp.lead?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Quadrant&algorithm=SHA1&digits=6&period=30",
                e.otpauthUri());
        assertEquals("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", e.groupedKey());
    }

    @Test
    void recoveryCodesCarry120RandomBitsAndFoldWhenTyped() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(10, codes.size());
        Set<String> distinct = new HashSet<>(codes);
        assertEquals(10, distinct.size());
        for (String c : codes) {
            assertTrue(c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){5}"), c);
            assertEquals(120, Base32.decode(c).length * 8, "24 base32 characters are 120 bits: over ASVS 6.5.2's 112 for a plain hash");
            assertTrue(RecoveryCodes.looksLikeOne(c.toUpperCase().replace("-", " ")));
            assertEquals(RecoveryCodes.hash(c), RecoveryCodes.hash(" " + c.toUpperCase().replace("-", "") + " "));
            assertEquals(64, RecoveryCodes.hash(c).length());
        }
        assertFalse(RecoveryCodes.looksLikeOne("123456"));
    }

    @Test
    void theQrCodeIsAnSvgWithATitleAndNoScriptOrStyle() {
        String svg = QrCodeSvg.of(new Enrolment("a.b", "GEZDGNBVGY3TQOJQ").otpauthUri(), "qr-title", "QR <code>");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("role=\"img\" aria-labelledby=\"qr-title\""));
        assertTrue(svg.contains("<title id=\"qr-title\">QR &lt;code&gt;</title>"));
        assertFalse(svg.contains("style=") || svg.contains("<script"));
        assertTrue(svg.contains("<path d=\"M"));
    }
}
