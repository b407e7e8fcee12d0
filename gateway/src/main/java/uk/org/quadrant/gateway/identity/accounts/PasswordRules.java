package uk.org.quadrant.gateway.identity.accounts;

import uk.org.quadrant.gateway.web.forms.FormErrors;

/**
 * The rules for every password that is set: the manager's forms, the bootstrap command, and the
 * passphrase a person chooses from an invitation or reset link. At least 12 characters (code points),
 * at most 1,024, not only spaces; no composition rules (NIST SP 800-63B, ASVS 6.2).
 */
public final class PasswordRules {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 1024;

    private PasswordRules() {
    }

    /** Adds an error on {@code field} if {@code password} breaks a rule. */
    public static void check(String field, String password, FormErrors errors) {
        if (password.isEmpty()) {
            errors.add(field, "Enter a password");
        } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            errors.add(field, "Password must be at least " + MIN_PASSWORD + " characters");
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(field, "Password must be " + MAX_PASSWORD + " characters or fewer");
        } else if (password.isBlank()) {
            errors.add(field, "Password must not be only spaces");
        }
    }

    /** The password and its confirmation: the rules, then that the two match. */
    public static void checkPair(String password, String confirmation, FormErrors errors) {
        check("password", password, errors);
        if (errors.isEmpty() && !password.equals(confirmation)) {
            errors.add("confirmPassword", "The two passwords do not match");
        }
    }
}
