package uk.org.quadrant.audits.domain;

import java.util.List;

/**
 * An ordered grading scale, best grade first, and the grade at or above which a case meets the
 * required standard. Built-in: the Ofsted scale and the early-help scale; the board may define others.
 *
 * @param code     e.g. {@code OFSTED}
 * @param grades   best first
 * @param standard the lowest grade that meets the standard
 */
@io.micronaut.serde.annotation.Serdeable
public record GradingScale(String code, String name, List<String> grades, String standard) {

    public static final GradingScale OFSTED = new GradingScale("OFSTED", "Ofsted",
            List.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"), "GOOD");
    public static final GradingScale EARLY_HELP = new GradingScale("EARLY_HELP", "Early help",
            List.of("OUTSTANDING", "HIGHLY_EFFECTIVE", "EFFECTIVE", "INEFFECTIVE"), "EFFECTIVE");

    public GradingScale {
        grades = List.copyOf(grades);
        if (grades.isEmpty() || !grades.contains(standard)) {
            throw new IllegalArgumentException("the standard must be one of the scale's grades");
        }
    }

    public boolean has(String grade) {
        return grade != null && grades.contains(grade);
    }

    /** Whether a grade meets the required standard (it is the standard or better). */
    public boolean meetsStandard(String grade) {
        int i = grade == null ? -1 : grades.indexOf(grade);
        return i >= 0 && i <= grades.indexOf(standard);
    }

    /** The worse of two grades of this scale. */
    public String worse(String a, String b) {
        return grades.indexOf(a) >= grades.indexOf(b) ? a : b;
    }
}
