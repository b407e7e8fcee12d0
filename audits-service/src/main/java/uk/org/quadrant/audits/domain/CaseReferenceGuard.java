package uk.org.quadrant.audits.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case references must be pseudonymous codes such as {@code MACA-2017-04} or {@code NEG-12}: upper-case
 * letters, digits and hyphens, at least one digit, letter groups of at most six letters. That refuses
 * what reads as a person's name ("Smith", "JOHNSON", "Jane-Doe-1"), a date of birth (2010-03-12,
 * 12-03-2010, 12MAR2010, 20100312), an NHS or phone number (ten or more digits) and e-mail addresses.
 * A guard against obvious mistakes, not proof of anonymity: short surnames in capitals can pass.
 *
 * @see #problem(String)
 */
public final class CaseReferenceGuard {

    static final String ADVICE = "use the audit's own case numbering (e.g. MACA-2017-04), never a name, date of birth or contact detail";

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    private static final Pattern LETTERS = Pattern.compile("[A-Z]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern YMD = Pattern.compile("(?:^|\\D)(19|20)\\d{2}-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\\d|3[01])(?:\\D|$)");
    private static final Pattern DMY = Pattern.compile("(?:^|\\D)(0?[1-9]|[12]\\d|3[01])-(0?[1-9]|1[0-2])-((19|20)?\\d{2})(?:\\D|$)");
    private static final Pattern DMY_COMPACT = Pattern.compile("(?:^|\\D)(0[1-9]|[12]\\d|3[01])(0[1-9]|1[0-2])(19|20)\\d{2}(?:\\D|$)");
    private static final Pattern MONTH = Pattern.compile("JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|JUNE|JULY|MARCH|APRIL");

    private CaseReferenceGuard() {
    }

    /** Why the reference is refused, or empty if it is acceptable. */
    public static Optional<String> problem(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.of("is required");
        }
        if (!SHAPE.matcher(ref).matches()) {
            return Optional.of("must be 2–32 upper-case letters, digits and hyphens; " + ADVICE);
        }
        if (!DIGITS.matcher(ref).find()) {
            return Optional.of("must contain a number; " + ADVICE);
        }
        Matcher letters = LETTERS.matcher(ref);
        while (letters.find()) {
            String word = letters.group();
            if (word.length() > 6) {
                return Optional.of("looks like a name (" + word.length() + " letters together); " + ADVICE);
            }
            if (MONTH.matcher(word).matches()) {
                return Optional.of("looks like a date of birth; " + ADVICE);
            }
        }
        if (YMD.matcher(ref).find() || DMY.matcher(ref).find() || DMY_COMPACT.matcher(ref).find()) {
            return Optional.of("looks like a date of birth; " + ADVICE);
        }
        Matcher digits = DIGITS.matcher(ref.replace("-", ""));
        while (digits.find()) {
            if (digits.group().length() >= 10) {
                return Optional.of("looks like an NHS or phone number; " + ADVICE);
            }
        }
        return Optional.empty();
    }
}
