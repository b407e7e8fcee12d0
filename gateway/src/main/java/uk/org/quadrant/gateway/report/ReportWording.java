package uk.org.quadrant.gateway.report;

import uk.org.quadrant.gateway.web.words.Words;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How the report words the services' codes and numbers ("Requires improvement", "1,255",
 * "+28.3 %", "31 March 2018"). Numbers are shown as the services computed them, never recomputed.
 */
final class ReportWording {

    static final String NOT_AVAILABLE = "n/a";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final Map<String, String> AUDIT_TYPES = Map.of(
            "MULTI_AGENCY_CASE_AUDIT", "Multi-agency case audits",
            "SINGLE_AGENCY_AUDIT", "Single-agency audits",
            "SECTION_11_SELF_ASSESSMENT", "Section 11 safeguarding self-assessments",
            "SERIOUS_CASE_REVIEW", "Serious case reviews",
            "LEARNING_REVIEW", "Learning reviews",
            "DOMESTIC_HOMICIDE_REVIEW", "Domestic homicide reviews",
            "PRACTITIONER_EVENT_OR_SURVEY", "Practitioner events and surveys",
            "CHILDREN_AND_FAMILIES_ENGAGEMENT", "Engagement with children, young people and families",
            "COMPLAINTS_SUMMARY", "Complaints summaries");

    private ReportWording() {
    }

    static BigDecimal decimal(Object o) {
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof Long || o instanceof Integer || o instanceof Short) {
            return BigDecimal.valueOf(((Number) o).longValue());
        }
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (o instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static long count(Object o) {
        BigDecimal d = decimal(o);
        return d == null ? 0 : d.longValue();
    }

    static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    /** 1255 → "1,255"; 38.25 → "38.25"; trailing zeros dropped. */
    static String plain(BigDecimal d) {
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(d);
    }

    /** A value in its unit: "730", "45 %", "38.2 per 10,000", "12 days"; "n/a" when there is none. */
    static String value(Object raw, String unit) {
        BigDecimal d = decimal(raw);
        if (d == null) {
            return NOT_AVAILABLE;
        }
        return switch (unit == null ? "COUNT" : unit) {
            case "PERCENT" -> plain(d) + " %";
            case "RATE_PER_10K" -> plain(d) + " per 10,000";
            case "DAYS" -> plain(d) + " days";
            default -> plain(d);
        };
    }

    /** A change with its sign: "+161", "-3 pts" (percentage points for a percentage). */
    static String change(Object raw, String unit) {
        BigDecimal d = decimal(raw);
        if (d == null) {
            return NOT_AVAILABLE;
        }
        String signed = (d.signum() > 0 ? "+" : d.signum() < 0 ? "-" : "") + plain(d.abs());
        return switch (unit == null ? "COUNT" : unit) {
            case "PERCENT" -> signed + " pts";
            case "DAYS" -> signed + " days";
            default -> signed;
        };
    }

    /** The service's change %, one decimal place as it gave it: "+28.3 %". */
    static String changePercent(Object raw) {
        BigDecimal d = decimal(raw);
        if (d == null) {
            return NOT_AVAILABLE;
        }
        BigDecimal one = d.setScale(1, RoundingMode.HALF_UP);
        return (one.signum() > 0 ? "+" : one.signum() < 0 ? "-" : "") + one.abs().toPlainString() + " %";
    }

    static String auditType(Object type) {
        return AUDIT_TYPES.getOrDefault(text(type), Words.of(text(type)));
    }

    static String date(LocalDate d) {
        return d == null ? NOT_AVAILABLE : DATE.format(d);
    }

    static LocalDate parseDate(Object o) {
        try {
            return o == null ? null : LocalDate.parse(o.toString().length() > 10 ? o.toString().substring(0, 10) : o.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
