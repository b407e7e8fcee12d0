package uk.org.quadrant.gateway.web.forms;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Dates as people write them on the pages: "31 March 2018". */
public final class Dates {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Dates() {
    }

    /** An ISO date or instant from a service, in words; anything else as it came. */
    public static String words(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        try {
            if (s.length() > 10 && s.contains("T")) {
                return LONG.format(Instant.parse(s).atZone(LONDON).toLocalDate());
            }
            return LONG.format(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return s;
        }
    }
}
