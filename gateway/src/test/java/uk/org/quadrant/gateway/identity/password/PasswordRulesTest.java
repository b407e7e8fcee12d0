package uk.org.quadrant.gateway.identity.password;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.quadrant.gateway.identity.directory.PasswordRules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ASVS 5.0 6.2: length only, any characters; context words, the username, repeats and key runs refused. */
class PasswordRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "tea kettle orbit lamp", "739184620573", "ÆØÅ æøå ñ 漢字 emoji 🙂🙂",
            "        x        ", "Quadrant is my board 7", "pass word? no: crane ladder"})
    void longPasswordsOfAnyCompositionAreAccepted(String password) {
        assertTrue(PasswordRules.problem(password, "jo.bloggs").isEmpty(), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quadrant2026!!", "safeguarding1234", "PASSWORD-1234-!", "quadrantquadrant", "Pass word 123456",
            "L.S.C.P. 2026 2026", "letmein123456"})
    void contextWordsWithDigitsAndPunctuationAreRefused(String password) {
        assertTrue(PasswordRules.problem(password, "jo.bloggs").orElseThrow().contains("too easy to guess"), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "210987654321", "abcdefghijklm", "qwertyuiop[]", "aaaaaaaaaaaa", "zyxwvutsrqpo", "1234567890-="})
    void repeatsAndRunsOfKeysAreRefused(String password) {
        assertTrue(PasswordRules.problem(password, "jo.bloggs").orElseThrow().contains("repeated character or a run"), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jo.bloggs-2026-!", "my name is JO.BLOGGS", "jobloggs jobloggs"})
    void theUsernameIsRefused(String password) {
        assertEquals("Password must not contain the username", PasswordRules.problem(password, "jo.bloggs").orElseThrow(), password);
    }

    @org.junit.jupiter.api.Test
    void lengthIsCountedInCharactersNotBytesAndBothEndsAreBounded() {
        assertEquals("Enter a password", PasswordRules.problem("", "x").orElseThrow());
        assertEquals("Password must be at least 12 characters", PasswordRules.problem("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", null).orElseThrow(),
                "11 emoji are 22 UTF-16 units but 11 characters");
        assertTrue(PasswordRules.problem("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂".replace("🙂🙂", "🙂🐝"), null).isEmpty());
        assertEquals("Password must be 1024 characters or fewer", PasswordRules.problem("a b".repeat(400), null).orElseThrow());
        assertTrue(PasswordRules.problem("tea kettle ".repeat(93), null).isEmpty(), "1023 characters are fine");
        assertEquals("Password must not be only spaces", PasswordRules.problem(" ".repeat(20), null).orElseThrow());
    }
}
