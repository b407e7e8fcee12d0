package uk.org.quadrant.gateway.report;

import uk.org.quadrant.gateway.benchmarks.HowItCompares;
import uk.org.quadrant.gateway.clients.indicators.ScorecardRow;
import uk.org.quadrant.gateway.report.LearningReport.Headlines;
import uk.org.quadrant.gateway.report.LearningReport.Movement;
import uk.org.quadrant.gateway.report.LearningReport.Point;
import uk.org.quadrant.gateway.web.periods.ReportingPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static uk.org.quadrant.gateway.report.ReportWording.text;

/**
 * The report's headline movements: of the year's figures, those that moved most over two years and,
 * of the rest, over the year, whichever way and whatever the indicator's polarity (a demand measure
 * such as the number of children on a plan is news when it rises by a quarter). A figure's earlier
 * values are the scorecard's own trend (the same indicator and agency, the same kind of period one and
 * two years before); the size of a movement is its change as a percentage of the earlier figure, as
 * indicators-service works out change % ({@code change / |from| × 100}, one decimal place, half up),
 * so that counts, rates and percentages rank together. A figure that moved by less than 1 % (the
 * service's "stable") is not a movement.
 */
final class HeadlineMovements {

    /** At most this many movements in each list. */
    static final int PER_LIST = 5;
    private static final BigDecimal STABLE = BigDecimal.ONE;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private HeadlineMovements() {
    }

    static Headlines of(ReportYear year, List<ScorecardRow> scorecard, HowItCompares compared) {
        List<Candidate> candidates = scorecard.stream()
                .filter(r -> r.value() != null && year.holds(text(r.period())))
                .map(r -> candidate(r, compared))
                .flatMap(Optional::stream)
                .toList();
        List<Movement> twoYears = top(candidates, 2, 1);
        Set<String> shown = new HashSet<>();
        twoYears.forEach(m -> shown.add(m.code()));
        List<Movement> oneYear = top(candidates.stream().filter(c -> !shown.contains(text(c.row().code()))).toList(), 1,
                twoYears.size() + 1);
        return new Headlines(ReportYear.of(year.firstYear() - 2).label() + " to " + year.label(),
                ReportYear.of(year.firstYear() - 1).label() + " to " + year.label(), twoYears, oneYear);
    }

    /** The biggest movements over {@code years}, biggest first (ties by title), numbered from {@code first}. */
    private static List<Movement> top(List<Candidate> candidates, int years, int first) {
        List<Candidate> biggest = candidates.stream()
                .filter(c -> c.earlier(years) != null)
                .filter(c -> c.percent(years) != null && c.percent(years).abs().compareTo(STABLE) >= 0)
                .sorted(Comparator.comparing((Candidate c) -> c.percent(years).abs()).reversed()
                        .thenComparing(c -> text(c.row().title())))
                .limit(PER_LIST)
                .toList();
        List<Movement> out = new ArrayList<>();
        for (Candidate c : biggest) {
            out.add(c.movement(years, first + out.size()));
        }
        return List.copyOf(out);
    }

    private static Optional<Candidate> candidate(ScorecardRow row, HowItCompares compared) {
        Optional<ReportingPeriod> latest = ReportingPeriod.parse(row.period());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        ReportingPeriod now = latest.get();
        Point[] earlier = new Point[3];
        String unit = text(row.unit());
        for (ScorecardRow.TrendPoint t : row.trend() == null ? List.<ScorecardRow.TrendPoint>of() : row.trend()) {
            if (t == null || t.value() == null) {
                continue;
            }
            ReportingPeriod.parse(t.period()).filter(p -> p.kind() == now.kind()).ifPresent(p -> {
                for (int years = 1; years <= 2; years++) {
                    if (p.start().equals(now.start().minusYears(years))) {
                        earlier[years] = point(p.label(), t.value(), unit);
                    }
                }
            });
        }
        earlier[0] = point(now.label(), row.value(), unit);
        return Optional.of(new Candidate(row, earlier, compared.words(row.code(), row.period())));
    }

    private static Point point(String period, BigDecimal value, String unit) {
        return new Point(period, value, ReportWording.value(value, unit));
    }

    /** A figure of the year with its values one and two years before (null where there is none). */
    private record Candidate(ScorecardRow row, Point[] points, String compared) {

        Point earlier(int years) {
            return points[years];
        }

        /** The change over {@code years} as a percentage of the earlier figure; null from zero. */
        BigDecimal percent(int years) {
            Point from = earlier(years);
            if (from == null || from.value().signum() == 0) {
                return null;
            }
            return points[0].value().subtract(from.value()).multiply(HUNDRED).divide(from.value().abs(), 1, RoundingMode.HALF_UP);
        }

        Movement movement(int years, int number) {
            Point from = earlier(years);
            Point to = points[0];
            String unit = text(row.unit());
            BigDecimal change = to.value().subtract(from.value());
            boolean percentUnit = "PERCENT".equals(unit);
            String changeWords = ReportWording.change(change, unit)
                    + (percentUnit ? "" : " (" + ReportWording.changePercent(percent(years)) + ")");
            String span = years == 2 ? "over two years" : "over the year";
            StringBuilder s = new StringBuilder(capitalise(subject(text(row.title()), unit)))
                    .append(' ').append(verb(change)).append(" from ").append(from.words()).append(" in ").append(from.period())
                    .append(" to ").append(to.words()).append(" in ").append(to.period());
            if (change.signum() != 0) {
                s.append(": ").append(percentUnit
                        ? (change.signum() > 0 ? "up " : "down ") + ReportWording.plain(change.abs()) + " percentage points " + span
                        : (change.signum() > 0 ? "a rise of " : "a fall of ") + ReportWording.plain(percent(years).abs()) + " % " + span);
            }
            if (years == 2 && points[1] != null) {
                s.append(" (").append(points[1].words()).append(" in ").append(points[1].period()).append(')');
            }
            s.append('.');
            if (compared != null) {
                s.append(' ').append(compared).append(" in ").append(to.period()).append('.');
            }
            List<Point> chart = new ArrayList<>();
            for (int k = years; k >= 0; k--) {
                if (points[k] != null) {
                    chart.add(points[k]);
                }
            }
            return new Movement(number, text(row.code()), text(row.title()), unit, s.toString(), from.words() + " in " + from.period(),
                    to.words() + " in " + to.period(), changeWords,
                    compared == null ? null : compared + " in " + to.period(), List.copyOf(chart));
        }
    }

    private static String verb(BigDecimal change) {
        return change.signum() > 0 ? "rose" : change.signum() < 0 ? "fell" : "stayed the same,";
    }

    /**
     * What moved, as a sentence's subject: "the number of children subject to a child protection plan",
     * "the percentage of MASH enquiries completed in timescale"; a title that already says what it
     * measures ("Response rate to …", "Average days …") stands as it is.
     */
    static String subject(String title, String unit) {
        String lower = title.toLowerCase(Locale.UK);
        String t = lowerFirst(title);
        boolean saysWhat = lower.startsWith("number") || lower.startsWith("rate") || lower.startsWith("percentage")
                || lower.startsWith("proportion") || lower.startsWith("average") || lower.contains(" rate ")
                || lower.startsWith("response rate");
        if (saysWhat) {
            return "the " + t;
        }
        return switch (Objects.requireNonNullElse(unit, "")) {
            case "PERCENT" -> "the percentage of " + t;
            case "RATE_PER_10K" -> "the rate of " + t;
            case "DAYS" -> "the days for " + t;
            default -> "the number of " + t;
        };
    }

    /** "Children looked after" → "children looked after"; "MASH enquiries" stays as it is. */
    private static String lowerFirst(String s) {
        if (s.length() < 2 || !Character.isUpperCase(s.charAt(0)) || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
