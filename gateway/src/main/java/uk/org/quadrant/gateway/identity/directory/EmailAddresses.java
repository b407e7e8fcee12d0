package uk.org.quadrant.gateway.identity.directory;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the directory accepts as an e-mail address: something that looks like one, not a proof that it
 * exists (only a message that arrives proves that). One {@code @}; a local part of at most 64 characters
 * without spaces; a domain of at least two dot-separated labels of letters, digits and hyphens; at most
 * 254 characters in all (RFC 5321). Stored trimmed, as typed.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern DOMAIN = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddresses() {
    }

    /** Why {@code address} (trimmed, not blank) is not accepted, or empty when it is. */
    public static Optional<String> problem(String address) {
        if (address.length() > MAX_LENGTH) {
            return Optional.of("E-mail address must be " + MAX_LENGTH + " characters or fewer");
        }
        int at = address.lastIndexOf('@');
        boolean looksRight = at > 0 && address.indexOf('@') == at
                && LOCAL.matcher(address.substring(0, at)).matches()
                && !address.startsWith(".") && !address.substring(0, at).endsWith(".") && !address.contains("..")
                && DOMAIN.matcher(address.substring(at + 1)).matches();
        return looksRight ? Optional.empty()
                : Optional.of("Enter an e-mail address in the correct format, like name@example.org");
    }
}
