package uk.org.quadrant.gateway.indicators;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.charts.TrendChart;
import uk.org.quadrant.gateway.dashboard.ReportingPeriod;
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Panel;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;
import uk.org.quadrant.gateway.signin.CurrentUser;

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
public class IndicatorPage {

    /** Indicator codes as indicators-service defines them; anything else cannot be one. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    private final Downstream downstream;

    IndicatorPage(Downstream downstream) {
        this.downstream = downstream;
    }

    /** The series query for this user: an agency user's own agency; the board the default (owner agency). */
    static String seriesQuery(CurrentUser user) {
        return user.isBoard() || user.agencyCode().isEmpty() ? "" : "?agency=" + Calls.enc(user.agencyCode());
    }

    public Map<String, Object> compose(HttpRequest<?> request, String code, CurrentUser user) {
        if (!CODE.matcher(code).matches()) {
            throw notFound();
        }
        Calls calls = downstream.forRequest(request);
        String base = "/api/v1/indicators/" + Calls.enc(code);
        CompletableFuture<Reply> definition = calls.get(Service.INDICATORS, base);
        CompletableFuture<Reply> series = calls.get(Service.INDICATORS, base + "/series" + seriesQuery(user));
        CompletableFuture<Reply> targets = calls.get(Service.INDICATORS, base + "/targets");
        CompletableFuture<Reply> baselines = calls.get(Service.INDICATORS, base + "/baselines");
        CompletableFuture<Reply> benchmarks = calls.get(Service.INDICATORS, base + "/benchmarks");

        Reply def = Calls.require(definition);
        if (def.status() == 404 || def.status() == 403) {
            throw notFound();
        }
        if (!def.ok()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The indicator could not be loaded");
        }
        Map<String, Object> indicator = def.map();
        Panel<List<Map<String, Object>>> points = seriesPanel(series);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("indicator", indicator);
        model.put("definition", definition(indicator));
        model.put("series", points.map(rows -> tableRows(rows, code, user)));
        model.put("chart", points.map(rows -> chart(indicator, rows)));
        model.put("commentary", points.map(IndicatorPage::commentary));
        model.put("seriesAgency", points.map(rows -> rows.isEmpty() ? String.valueOf(indicator.get("ownerAgency")) : String.valueOf(rows.get(0).get("agency"))));
        model.put("references", references(targets, baselines, benchmarks));
        model.put("csvHref", "/indicators/" + code + "/series.csv");
        return model;
    }

    /** The series; a 404 (an indicator this user may not see, or gone since) is the page's 404, not a grey panel. */
    private static Panel<List<Map<String, Object>>> seriesPanel(CompletableFuture<Reply> series) {
        try {
            Reply reply = series.join();
            if (reply.status() == 404 || reply.status() == 403) {
                throw notFound();
            }
        } catch (java.util.concurrent.CompletionException e) {
            // unavailable: the panel says so below
        }
        return Calls.panel(series, Service.INDICATORS, Reply::rows);
    }

    static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
    }

    /** The definition as summary-list rows, in the users' words. */
    static List<Map<String, String>> definition(Map<String, Object> i) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row("Code", text(i.get("code"))));
        rows.add(row("Description", i.get("description") == null ? "No description" : text(i.get("description"))));
        rows.add(row("Owning agency", text(i.get("ownerAgency"))));
        rows.add(row("Business-plan priority", "Priority " + text(i.get("priority"))));
        rows.add(row("Unit", unitText(text(i.get("unit")))));
        rows.add(row("Polarity", polarityText(text(i.get("polarity")))));
        rows.add(row("Frequency", words(text(i.get("frequency")))));
        rows.add(row("Tolerance", text(i.get("tolerancePercent")) + " %"));
        if (i.get("numeratorLabel") != null) {
            rows.add(row("Numerator", text(i.get("numeratorLabel"))));
        }
        if (i.get("denominatorLabel") != null) {
            rows.add(row("Denominator", text(i.get("denominatorLabel"))));
        }
        return rows;
    }

    private static Map<String, String> row(String key, String value) {
        return Map.of("key", key, "value", value);
    }

    static String unitText(String unit) {
        return switch (unit) {
            case "COUNT" -> "Number";
            case "PERCENT" -> "Percent";
            case "RATE_PER_10K" -> "Rate per 10,000 children";
            case "DAYS" -> "Days";
            default -> words(unit);
        };
    }

    static String polarityText(String polarity) {
        return switch (polarity) {
            case "HIGHER_IS_BETTER" -> "Higher is better";
            case "LOWER_IS_BETTER" -> "Lower is better";
            case "NEUTRAL" -> "Neither (context measure)";
            default -> words(polarity);
        };
    }

    static String words(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String s = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String text(Object o) {
        return o == null ? "" : o instanceof BigDecimal d ? plain(d) : o.toString();
    }

    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return new BigDecimal(o.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The table alternative: one row per period, with the RAG in words and a link to act on the value. */
    static List<Map<String, Object>> tableRows(List<Map<String, Object>> rows, String code, CurrentUser user) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.put("ragText", TrendChart.ragText(String.valueOf(r.get("rag"))));
            row.put("valueText", r.get("value") == null ? "No value" : text(r.get("value")));
            row.put("targetText", r.get("target") == null ? "No target" : text(r.get("target")));
            row.put("changeText", r.get("changePercent") == null ? "" : text(r.get("changePercent")) + " %");
            row.put("statusText", r.get("status") == null ? "" : words(String.valueOf(r.get("status"))));
            String period = String.valueOf(r.get("period"));
            if (user.isManager()) {
                row.put("link", "/board/submissions?period=" + Calls.enc(period));
                row.put("linkText", "Submissions for " + r.get("periodLabel"));
            } else if (!user.isBoard() && !user.agencyCode().isEmpty()) {
                row.put("link", "/agency/" + Calls.enc(user.agencyCode()) + "/values/" + Calls.enc(code) + "/" + Calls.enc(period));
                row.put("linkText", (r.get("value") == null ? "Enter value for " : "Value for ") + r.get("periodLabel"));
            }
            out.add(row);
        }
        return out;
    }

    /** Each period's commentary, newest first. */
    static List<Map<String, Object>> commentary(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.stream()
                .filter(r -> r.get("comment") != null && !r.get("comment").toString().isBlank()).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    static String chart(Map<String, Object> indicator, List<Map<String, Object>> rows) {
        List<TrendChart.Point> points = new ArrayList<>();
        TreeSet<String> comparators = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            points.add(new TrendChart.Point(String.valueOf(r.get("periodLabel")), decimal(r.get("value")), decimal(r.get("target")),
                    r.get("rag") == null ? null : r.get("rag").toString()));
            if (r.get("benchmarks") instanceof Map<?, ?> b) {
                b.keySet().forEach(k -> comparators.add(k.toString()));
            }
        }
        List<TrendChart.Line> lines = new ArrayList<>();
        for (String comparator : comparators) {
            List<BigDecimal> values = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                values.add(r.get("benchmarks") instanceof Map<?, ?> b ? decimal(b.get(comparator)) : null);
            }
            lines.add(new TrendChart.Line(comparator, values));
        }
        String title = text(indicator.get("title")) + ": trend by period";
        return TrendChart.svg(title, description(rows), unitText(text(indicator.get("unit"))), points, lines);
    }

    /** The chart's figures in a sentence, for its {@code <desc>}. */
    static String description(List<Map<String, Object>> rows) {
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (r.get("value") != null) {
                String s = text(r.get("value")) + " in " + r.get("periodLabel") + " (" + TrendChart.ragText(String.valueOf(r.get("rag")));
                s += r.get("target") != null ? ", target " + text(r.get("target")) + ")" : ")";
                parts.add(s);
            }
        }
        return parts.isEmpty() ? "No values have been recorded yet." : "Values: " + String.join("; ", parts) + ".";
    }

    /** Targets, baselines and benchmarks in one table, by period. */
    static Panel<List<Map<String, Object>>> references(CompletableFuture<Reply> targets, CompletableFuture<Reply> baselines,
                                                      CompletableFuture<Reply> benchmarks) {
        Panel<List<Map<String, Object>>> t = Calls.panel(targets, Service.INDICATORS, Reply::rows);
        Panel<List<Map<String, Object>>> b = Calls.panel(baselines, Service.INDICATORS, Reply::rows);
        Panel<List<Map<String, Object>>> m = Calls.panel(benchmarks, Service.INDICATORS, Reply::rows);
        if (!t.available() || !b.available() || !m.available()) {
            return Panel.unavailable(Service.INDICATORS.displayName());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        t.data().forEach(r -> out.add(reference("Target", r)));
        b.data().forEach(r -> out.add(reference("Baseline", r)));
        m.data().forEach(r -> out.add(reference("Benchmark" + (r.get("comparator") == null ? "" : ": " + r.get("comparator")), r)));
        out.sort(Comparator.comparing((Map<String, Object> r) -> ReportingPeriod.parse(String.valueOf(r.get("period")))
                        .map(p -> p.start().toString()).orElse(String.valueOf(r.get("period"))))
                .thenComparing(r -> String.valueOf(r.get("kind"))));
        return Panel.of(out, Service.INDICATORS.displayName());
    }

    private static Map<String, Object> reference(String kind, Map<String, Object> r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("period", r.get("period"));
        row.put("periodLabel", r.get("periodLabel") != null ? r.get("periodLabel") : ReportingPeriod.labelOf(String.valueOf(r.get("period"))));
        row.put("value", text(r.get("value")));
        return row;
    }
}
