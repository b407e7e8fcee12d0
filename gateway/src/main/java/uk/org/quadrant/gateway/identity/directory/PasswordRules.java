package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules every new password meets, wherever it is set (the manager's forms, the bootstrap command,
 * a person changing their own): NIST SP 800-63B and OWASP ASVS 5.0 section 6.2. Length only, no
 * composition rules (any character, spaces included, is allowed and nothing is trimmed):
 * <ul>
 *   <li>at least {@value #MIN_LENGTH} characters (code points), at most {@value #MAX_LENGTH};</li>
 *   <li>not only spaces;</li>
 *   <li>not guessable from its context: once digits, spaces and punctuation are taken out, not the
 *       username, nor one of {@link #CONTEXT_WORDS} (so "Quadrant2026!!" and "Safeguarding1234" are
 *       refused), nor made of one of them repeated;</li>
 *   <li>not one character repeated, nor a run along the alphabet, the digits or a keyboard row
 *       ("123456789012", "abcdefghijkl", "qwertyuiop[]"), the shapes the long entries of the common
 *       password lists take.</li>
 * </ul>
 * The messages say what to do, in the words of the GOV.UK Design System's password pattern.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    /** The context-specific words of ASVS 6.1.2: the product, the partnership's business, the obvious. */
    public static final List<String> CONTEXT_WORDS = List.of(
            "quadrant", "password", "passphrase", "safeguarding", "safeguard", "children", "childrens", "partnership",
            "board", "lscp", "welcome", "letmein", "changeme", "admin", "administrator", "qwerty");

    private static final List<String> RUNS = List.of(
            "abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop[]", "asdfghjkl;'#", "zxcvbnm,./", "1234567890-=");

    private PasswordRules() {
    }

    /** What is wrong with {@code password} as a new password for {@code username}, or empty when nothing is. */
    public static Optional<String> problem(@Nullable String password, @Nullable String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Password must be at least " + MIN_LENGTH + " characters");
        }
        if (password.isBlank()) {
            return Optional.of("Password must not be only spaces");
        }
        String letters = password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        if (containsUsername(password, letters, username)) {
            return Optional.of("Password must not contain the username");
        }
        if (CONTEXT_WORDS.stream().anyMatch(word -> repeats(letters, word))) {
            return Optional.of("Password is too easy to guess: do not base it on a word like ‘quadrant’, ‘password’ or ‘safeguarding’. "
                    + "Three or more random words make a strong one");
        }
        if (isRunOrRepeat(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("Password is too easy to guess: do not use a repeated character or a run of keys such as ‘123456789’. "
                    + "Three or more random words make a strong one");
        }
        return Optional.empty();
    }

    /** The username itself (from 4 characters: a 2-letter username would forbid too much), or its letters repeated. */
    private static boolean containsUsername(String password, String letters, @Nullable String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String lower = username.toLowerCase(Locale.ROOT);
        String name = lower.replaceAll("[^\\p{L}]", "");
        return lower.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(lower) || repeats(letters, name);
    }

    /** True if {@code letters} is {@code word} once or more times over. */
    private static boolean repeats(String letters, String word) {
        return !letters.isEmpty() && !word.isEmpty() && letters.length() % word.length() == 0
                && word.repeat(letters.length() / word.length()).equals(letters);
    }

    /** One character over and over, or each character the next (or previous) along one of {@link #RUNS}. */
    private static boolean isRunOrRepeat(String password) {
        if (password.chars().distinct().count() == 1) {
            return true;
        }
        for (String run : RUNS) {
            if (along(password, run) || along(new StringBuilder(password).reverse().toString(), run)) {
                return true;
            }
        }
        return false;
    }

    private static boolean along(String password, String run) {
        int at = run.indexOf(password.charAt(0));
        if (at < 0) {
            return false;
        }
        for (int i = 1; i < password.length(); i++) {
            int next = run.indexOf(password.charAt(i));
            if (next != (at + 1) % run.length()) {
                return false;
            }
            at = next;
        }
        return true;
    }
}
