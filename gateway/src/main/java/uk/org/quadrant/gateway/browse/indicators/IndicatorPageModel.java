package uk.org.quadrant.gateway.browse.indicators;

import uk.org.quadrant.gateway.identity.directory.AgencyNames;
import uk.org.quadrant.gateway.web.words.Words;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.benchmarks.ComparisonSection;
import uk.org.quadrant.gateway.benchmarks.ComparisonWording;
import uk.org.quadrant.gateway.web.charts.TrendChart;
import uk.org.quadrant.gateway.web.periods.ReportingPeriod;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.indicators.Comparison;
import uk.org.quadrant.gateway.clients.indicators.Figure;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.indicators.SeriesPoint;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * One indicator's page, composed from indicators-service in parallel: its definition (without which
 * there is no page), its series (the signed-in agency's own, or for the board the owner agency's
 * figures the partnership reports), and its targets, baselines and benchmarks. The series becomes the
 * trend chart, the table alternative and the commentary history.
 */
@Singleton
public class IndicatorPageModel {

    /** Indicator codes as indicators-service defines them; anything else cannot be one. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    private final Downstream downstream;
    private final IndicatorsClient indicators;
    private final AgencyNames agencies;

    IndicatorPageModel(Downstream downstream, IndicatorsClient indicators, AgencyNames agencies) {
        this.downstream = downstream;
        this.indicators = indicators;
        this.agencies = agencies;
    }

    /** One period of the series as the table shows it (public: templates read it). */
    public record SeriesRow(@Nullable String periodLabel, @Nullable String rag, String ragText, String valueText, String targetText,
                            String changeText, String statusText, @Nullable String link, @Nullable String linkText) {
    }

    /** A target, baseline or benchmark in the references table (public: templates read it). */
    public record ReferenceRow(String kind, String period, String periodLabel, String value) {
    }

    /** Whose series this user sees: an agency user's own agency; the board null (the owner agency). */
    static @Nullable String seriesAgency(CurrentUser user) {
        return user.isBoard() || user.agencyCode().isEmpty() ? null : user.agencyCode();
    }

    public Map<String, Object> compose(HttpRequest<?> request, String code, CurrentUser user) {
        if (!CODE.matcher(code).matches()) {
            throw notFound();
        }
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<Indicator>> definition = calls.read(Service.INDICATORS, () -> indicators.indicator(code));
        CompletableFuture<Reply<List<SeriesPoint>>> series = calls.read(Service.INDICATORS,
                () -> indicators.series(code, seriesAgency(user)));
        CompletableFuture<Reply<List<Figure>>> targets = calls.read(Service.INDICATORS, () -> indicators.targets(code));
        CompletableFuture<Reply<List<Figure>>> baselines = calls.read(Service.INDICATORS, () -> indicators.baselines(code));
        CompletableFuture<Reply<List<Figure>>> benchmarks = calls.read(Service.INDICATORS, () -> indicators.benchmarks(code));
        CompletableFuture<Reply<List<Comparison>>> comparisons = calls.read(Service.INDICATORS, () -> indicators.comparisonSeries(code));

        Reply<Indicator> def = Calls.require(definition);
        if (def.status() == 404 || def.status() == 403) {
            throw notFound();
        }
        if (!def.ok() || def.body() == null) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The indicator could not be loaded");
        }
        Indicator indicator = def.body();
        Panel<List<SeriesPoint>> points = seriesPanel(series);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("indicator", indicator);
        String owner = indicator.ownerAgency() == null ? null
                : agencies.byCode().getOrDefault(indicator.ownerAgency(), indicator.ownerAgency());
        model.put("definition", definition(indicator, owner));
        model.put("series", points.map(rows -> tableRows(rows, code, user)));
        model.put("chart", points.map(rows -> chart(indicator, rows)));
        model.put("commentary", points.map(IndicatorPageModel::commentary));
        model.put("seriesAgency", points.map(rows -> rows.isEmpty() ? String.valueOf(indicator.ownerAgency()) : String.valueOf(rows.get(0).agency())));
        model.put("references", references(targets, baselines, benchmarks));
        model.put("csvHref", "/indicators/" + code + "/series.csv");
        model.put("comparison", ComparisonSection.of(indicator, comparisons));
        return model;
    }

    /** The series; a 404 (an indicator this user may not see, or gone since) is the page's 404, not a grey panel. */
    private static Panel<List<SeriesPoint>> seriesPanel(CompletableFuture<Reply<List<SeriesPoint>>> series) {
        try {
            Reply<List<SeriesPoint>> reply = series.join();
            if (reply.status() == 404 || reply.status() == 403) {
                throw notFound();
            }
        } catch (java.util.concurrent.CompletionException e) {
            // unavailable: the panel says so below
        }
        return Calls.panel(series, Service.INDICATORS, Reply::body);
    }

    static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
    }

    /** The definition as summary-list rows, in the users' words. */
    static List<Map<String, String>> definition(Indicator i, @Nullable String ownerName) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row("Code", text(i.code())));
        rows.add(row("Description", i.description() == null ? "No description" : text(i.description())));
        rows.add(row("Owning agency", ownerName == null ? text(i.ownerAgency()) : ownerName));
        rows.add(row("Business-plan priority", "Priority " + text(i.priority())));
        rows.add(row("Unit", Words.of(i.unit())));
        rows.add(row("Polarity", Words.of(i.polarity())));
        rows.add(row("Frequency", Words.of(i.frequency())));
        rows.add(row("Tolerance", text(i.tolerancePercent()) + " %"));
        if (i.numeratorLabel() != null) {
            rows.add(row("Numerator", text(i.numeratorLabel())));
        }
        if (i.denominatorLabel() != null) {
            rows.add(row("Denominator", text(i.denominatorLabel())));
        }
        return rows;
    }

    private static Map<String, String> row(String key, String value) {
        return Map.of("key", key, "value", value);
    }

    private static String text(Object o) {
        return o == null ? "" : o instanceof BigDecimal d ? plain(d) : o.toString();
    }

    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** The table alternative: one row per period, with the RAG in words and a link to act on the value. */
    static List<SeriesRow> tableRows(List<SeriesPoint> rows, String code, CurrentUser user) {
        List<SeriesRow> out = new ArrayList<>();
        for (SeriesPoint r : rows) {
            String link = null;
            String linkText = null;
            String period = String.valueOf(r.period());
            if (user.isManager()) {
                link = "/board/submissions?period=" + Calls.enc(period);
                linkText = "Submissions for " + r.periodLabel();
            } else if (!user.isBoard() && !user.agencyCode().isEmpty()) {
                link = "/agency/" + Calls.enc(user.agencyCode()) + "/values/" + Calls.enc(code) + "/" + Calls.enc(period);
                linkText = (r.value() == null ? "Enter value for " : "Value for ") + r.periodLabel();
            }
            out.add(new SeriesRow(r.periodLabel(), r.rag(), Words.rag(r.rag() == null ? "DATA_ONLY" : r.rag()).text(),
                    r.value() == null ? "No value" : text(r.value()),
                    targetText(r),
                    r.changePercent() == null ? "" : text(r.changePercent()) + " %",
                    r.status() == null ? "" : Words.valueStatus(r.status()).text(), link, linkText));
        }
        return out;
    }

    /** The target, and where it comes from when it is a benchmark: "560 (at or better than England)". */
    static String targetText(SeriesPoint r) {
        String from = ComparisonWording.targetFrom(r.targetFrom(), r.targetBenchmark() == null ? null : r.targetBenchmark().rate());
        if (r.target() == null) {
            return from == null ? "No target" : "Target " + from;
        }
        return from == null ? text(r.target()) : text(r.target()) + " (" + from + ")";
    }

    /** Each period's commentary, newest first. */
    static List<SeriesPoint> commentary(List<SeriesPoint> rows) {
        List<SeriesPoint> out = new ArrayList<>(rows.stream()
                .filter(r -> r.comment() != null && !r.comment().isBlank()).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    static String chart(Indicator indicator, List<SeriesPoint> rows) {
        List<TrendChart.Point> points = new ArrayList<>();
        TreeSet<String> comparators = new TreeSet<>();
        for (SeriesPoint r : rows) {
            points.add(new TrendChart.Point(String.valueOf(r.periodLabel()), r.value(), r.target(), r.rag()));
            if (r.benchmarks() != null) {
                comparators.addAll(r.benchmarks().keySet());
            }
        }
        List<TrendChart.Line> lines = new ArrayList<>();
        for (String comparator : comparators) {
            List<BigDecimal> values = new ArrayList<>();
            for (SeriesPoint r : rows) {
                values.add(r.benchmarks() == null ? null : r.benchmarks().get(comparator));
            }
            lines.add(new TrendChart.Line(comparator, values));
        }
        String title = text(indicator.title()) + ": trend by period";
        return TrendChart.svg(title, description(rows), Words.of(indicator.unit()), points, lines);
    }

    /** The chart's figures in a sentence, for its {@code <desc>}. */
    static String description(List<SeriesPoint> rows) {
        List<String> parts = new ArrayList<>();
        for (SeriesPoint r : rows) {
            if (r.value() != null) {
                String s = text(r.value()) + " in " + r.periodLabel() + " (" + Words.rag(r.rag() == null ? "DATA_ONLY" : r.rag()).text();
                s += r.target() != null ? ", target " + text(r.target()) + ")" : ")";
                parts.add(s);
            }
        }
        return parts.isEmpty() ? "No values have been recorded yet." : "Values: " + String.join("; ", parts) + ".";
    }

    /** Targets, baselines and benchmarks in one table, by period. */
    static Panel<List<ReferenceRow>> references(CompletableFuture<Reply<List<Figure>>> targets,
                                                CompletableFuture<Reply<List<Figure>>> baselines,
                                                CompletableFuture<Reply<List<Figure>>> benchmarks) {
        Panel<List<Figure>> t = Calls.panel(targets, Service.INDICATORS, Reply::body);
        Panel<List<Figure>> b = Calls.panel(baselines, Service.INDICATORS, Reply::body);
        Panel<List<Figure>> m = Calls.panel(benchmarks, Service.INDICATORS, Reply::body);
        if (!t.available() || !b.available() || !m.available()) {
            return Panel.unavailable(Service.INDICATORS.displayName());
        }
        List<ReferenceRow> out = new ArrayList<>();
        t.data().forEach(r -> out.add(reference("Target", r)));
        b.data().forEach(r -> out.add(reference("Baseline", r)));
        m.data().forEach(r -> out.add(reference("Benchmark" + (r.comparator() == null ? "" : ": " + r.comparator()), r)));
        out.sort(Comparator.comparing((ReferenceRow r) -> ReportingPeriod.parse(r.period())
                        .map(p -> p.start().toString()).orElse(r.period()))
                .thenComparing(ReferenceRow::kind));
        return Panel.of(out, Service.INDICATORS.displayName());
    }

    private static ReferenceRow reference(String kind, Figure r) {
        String period = String.valueOf(r.period());
        return new ReferenceRow(kind, period, r.periodLabel() != null ? r.periodLabel() : ReportingPeriod.labelOf(period), text(r.value()));
    }
}
