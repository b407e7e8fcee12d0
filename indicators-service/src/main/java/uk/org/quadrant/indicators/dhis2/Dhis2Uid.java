package uk.org.quadrant.indicators.dhis2;

import java.util.regex.Pattern;

/**
 * A DHIS2 identifier: 11 characters, letters and digits, the first a letter ({@code f7n9E0hX8qk}). Compared
 * byte for byte, as DHIS2 does.
 */
public final class Dhis2Uid {

    public static final String PATTERN = "[A-Za-z][A-Za-z0-9]{10}";
    private static final Pattern UID = Pattern.compile(PATTERN);

    private Dhis2Uid() {
    }

    public static boolean valid(String text) {
        return text != null && UID.matcher(text).matches();
    }
}
