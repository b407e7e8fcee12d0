package uk.org.quadrant.indicators.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.csv.SpreadsheetCsv;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CSV downloads of a series and of the scorecard (text cells made safe for spreadsheets). Always
 * CSV whatever the Accept header says, so a client gets its 401/403 first, never a 406.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ExportController {

    private static final String CSV = "text/csv; charset=utf-8";

    private final SeriesService series;
    private final ScorecardService scorecard;

    ExportController(SeriesService series, ScorecardService scorecard) {
        this.series = series;
        this.scorecard = scorecard;
    }

    @Get(value = "/indicators/{code}/series.csv", produces = {CSV, MediaType.ALL})
    HttpResponse<String> seriesCsv(@PathVariable String code, @QueryValue @Nullable @Size(max = 16) String agency, Caller caller) {
        SpreadsheetCsv csv = new SpreadsheetCsv(List.of("indicator_code", "period", "period_label", "agency", "value",
                "numerator", "denominator", "target", "rag", "direction", "change", "change_percent", "baseline", "benchmarks",
                "status", "outlier", "comment", "target_from"));
        for (SeriesPoint p : series.series(code, agency, caller)) {
            csv.row(code, p.period(), p.periodLabel(), p.agency(), p.value(), p.numerator(), p.denominator(),
                    p.target(), p.rag(), p.direction(), p.change(), p.changePercent(), p.baseline(), benchmarks(p.benchmarks()),
                    p.status(), p.outlier(), p.comment(), p.targetFrom());
        }
        return download(csv.toString(), code + "-series.csv");
    }

    @Get(value = "/scorecard.csv", produces = {CSV, MediaType.ALL})
    HttpResponse<String> scorecardCsv(@QueryValue @Nullable @Size(max = 16) String agency, @QueryValue @Nullable Integer priority,
                                      @QueryValue @Nullable @Size(max = 16) String period, Caller caller) {
        SpreadsheetCsv csv = new SpreadsheetCsv(List.of("code", "title", "owner_agency", "priority", "unit", "polarity",
                "period", "period_label", "value", "target", "rag", "direction", "change", "change_percent", "benchmarks",
                "status", "comment", "target_from"));
        for (ScorecardRow r : scorecard.scorecard(caller, agency, priority, period)) {
            csv.row(r.code(), r.title(), r.ownerAgency(), r.priority(), r.unit(), r.polarity(), r.period(),
                    r.periodLabel(), r.value(), r.target(), r.rag(), r.direction(), r.change(), r.changePercent(),
                    benchmarks(r.benchmarks()), r.status(), r.comment(), r.targetFrom());
        }
        return download(csv.toString(), "scorecard.csv");
    }

    private static String benchmarks(Map<String, BigDecimal> benchmarks) {
        return benchmarks.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining("; "));
    }

    private static HttpResponse<String> download(String body, String filename) {
        return HttpResponse.ok(body).contentType(CSV).header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    }
}
