package uk.org.quadrant.indicators.benchmarks;

import uk.org.quadrant.indicators.domain.Frequency;
import uk.org.quadrant.indicators.domain.Period;

import java.util.Locale;

/**
 * An EES {@code time_period} and {@code time_identifier} as a Quadrant period of the indicator's frequency:
 * {@code Reporting year} 2018 (the year to 31 March 2018) is {@code 2017April} for a financial-year
 * indicator and {@code 201803} (as at 31 March) for a monthly one; {@code Financial year} 201718 is
 * {@code 2017April}; {@code Academic year} 201718 is {@code 2017Sep}; {@code Calendar year} 2018 is
 * {@code 2018}. Anything else is an error that says why.
 */
final class EesTime {

    private EesTime() {
    }

    /** Why a row has no period: the column at fault and the reason. */
    static final class Invalid extends RuntimeException {
        private final String column;

        Invalid(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    /** The period, or {@link Invalid} naming the column at fault and why. */
    static Period period(String timePeriod, String timeIdentifier, Frequency frequency) {
        String tp = timePeriod == null ? "" : timePeriod.trim();
        String id = timeIdentifier == null ? "" : timeIdentifier.trim().toLowerCase(Locale.ROOT);
        String quadrant = switch (id) {
            case "reporting year" -> {
                int year = year(tp, 4, "Reporting year");
                yield switch (frequency) {
                    case FINANCIAL_YEAR -> (year - 1) + "April";
                    case MONTHLY -> year + "03";
                    default -> throw mismatch(timeIdentifier, frequency);
                };
            }
            case "financial year" -> {
                int start = twoYears(tp, "Financial year");
                yield frequency == Frequency.FINANCIAL_YEAR ? start + "April" : throwing(mismatch(timeIdentifier, frequency));
            }
            case "academic year" -> {
                int start = twoYears(tp, "Academic year");
                yield frequency == Frequency.ACADEMIC_YEAR ? start + "Sep" : throwing(mismatch(timeIdentifier, frequency));
            }
            case "calendar year" -> {
                int year = year(tp, 4, "Calendar year");
                yield frequency == Frequency.CALENDAR_YEAR ? Integer.toString(year) : throwing(mismatch(timeIdentifier, frequency));
            }
            default -> throw new Invalid("time_identifier", "'" + clip(timeIdentifier) + "' is not a time identifier this import knows"
                    + " (Reporting year, Financial year, Academic year, Calendar year)");
        };
        return Period.parse(quadrant, frequency)
                .orElseThrow(() -> new Invalid("time_period", "'" + clip(timePeriod) + "' is not a year Quadrant accepts"));
    }

    private static int year(String tp, int digits, String identifier) {
        if (!tp.matches("\\d{" + digits + "}")) {
            throw new Invalid("time_period", "'" + clip(tp) + "' is not a " + identifier + " (e.g. 2018)");
        }
        return Integer.parseInt(tp);
    }

    /** 201718 → 2017; the second year must follow the first. */
    private static int twoYears(String tp, String identifier) {
        if (!tp.matches("\\d{6}")) {
            throw new Invalid("time_period", "'" + clip(tp) + "' is not a " + identifier + " (e.g. 201718)");
        }
        int first = Integer.parseInt(tp.substring(0, 4));
        if ((first + 1) % 100 != Integer.parseInt(tp.substring(4))) {
            throw new Invalid("time_period", "'" + clip(tp) + "' is not a " + identifier + " (e.g. 201718)");
        }
        return first;
    }

    private static Invalid mismatch(String identifier, Frequency frequency) {
        return new Invalid("time_identifier", "a " + identifier.trim() + " figure cannot be compared with a " + frequency
                + " indicator");
    }

    private static String throwing(Invalid e) {
        throw e;
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
