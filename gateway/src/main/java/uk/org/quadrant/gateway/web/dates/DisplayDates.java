package uk.org.quadrant.gateway.web.dates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** ISO dates from the services written the way the board writes them: "31 March 2018". */
public final class DisplayDates {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private DisplayDates() {
    }

    /** The date in words, or the text unchanged if it is not an ISO date (and empty for null). */
    public static String longDate(Object iso) {
        if (iso == null) {
            return "";
        }
        String s = iso.toString();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).format(LONG);
        } catch (DateTimeParseException e) {
            return s;
        }
    }
}
