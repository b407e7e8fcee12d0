package uk.org.quadrant.gateway;

import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.identity.directory.PasswordHasher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsArgon2idWithAtLeastOwaspParameters() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    }

    @Test
    void rightPasswordMatchesWrongDoesNot() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hasher.matches("correct horse battery staple", hash));
        assertFalse(hasher.matches("correct horse battery stapl", hash));
        assertFalse(hasher.matches("", hash));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void longPassphrasesCountInFull() {
        String base = "a long passphrase that goes on and on well past the seventy-two bytes bcrypt would keep ";
        String hash = hasher.hash(base + "ending one");
        assertTrue(hasher.matches(base + "ending one", hash));
        assertFalse(hasher.matches(base + "ending two", hash), "characters after byte 72 must matter");
        assertTrue(hasher.matches("ünïcödé pässphrase ✓ 🔑", hasher.hash("ünïcödé pässphrase ✓ 🔑")));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertFalse(hasher.matches("x", null));
        assertFalse(hasher.matches("x", ""));
        assertFalse(hasher.matches("x", "$2a$10$abcdefghijklmnopqrstuv"));
        assertFalse(hasher.matches("x", "$argon2id$v=19$m=abc,t=2,p=1$salt$hash"));
        assertFalse(hasher.matches("x", "$argon2id$v=19$m=19456,t=2,p=1$%%%$%%%"));
    }
}
