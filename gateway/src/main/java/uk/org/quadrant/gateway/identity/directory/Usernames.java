package uk.org.quadrant.gateway.identity.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one spelling of a username that is stored, looked up and throttled. A username is typed
 * in any width and case ({@code ｍａｎａｇｅｒ}, {@code Manager}) and folded to its canonical form
 * (Unicode NFKC, trimmed, lower-cased in the root locale); only canonical forms in the alphabet the
 * admin pages allow (lower-case ASCII letters, digits, dots, hyphens and underscores) name an account.
 * Anything else ({@code mánager}) is nobody: it never reaches the database, whose collation might
 * otherwise match it to someone.
 */
public final class Usernames {

    /** What a board manager may create: 2 to 100 characters, starting with a letter or digit. */
    public static final Pattern ALPHABET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Usernames() {
    }

    /** The typed name folded (width, case, surrounding space), whether or not it is a valid username. */
    public static String fold(String typed) {
        return typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    }

    /** The account name this names, if it can name one at all. */
    public static Optional<String> canonical(String typed) {
        String folded = fold(typed);
        return ALPHABET.matcher(folded).matches() ? Optional.of(folded) : Optional.empty();
    }

    /**
     * The key failed attempts are counted under: the folded name with its accents taken off, so
     * {@code mánager}, {@code mànager}, {@code ＭＡＮＡＧＥＲ} and {@code manager} share one count (a
     * wider match than any database collation, never a narrower one).
     */
    public static String throttleKey(String typed) {
        String decomposed = Normalizer.normalize(fold(typed), Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
