package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * How we compare: every mapped indicator at its latest published period with its rank, quartile and
 * standing against England and the neighbours' mean, sortable by a query parameter (links, no script)
 * and downloadable as CSV. Everyone signed in reads it; the manager also sees which indicators are not
 * mapped yet, with a link to map each.
 */
@Controller(produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BenchmarksController {

    private final Downstream downstream;
    private final IndicatorsClient indicators;

    BenchmarksController(Downstream downstream, IndicatorsClient indicators) {
        this.downstream = downstream;
        this.indicators = indicators;
    }

    /** A sortable column of the table: its link, whether it is the current sort, and its aria-sort value. */
    public record Column(String label, String href, boolean current, String ariaSort) {
    }

    /** An indicator that is not compared yet (manager only). */
    public record Unmapped(String code, String title) {
    }

    @Get("/benchmarks")
    @View("benchmarks/list")
    Map<String, Object> list(HttpRequest<?> request, @QueryValue @Nullable String sort, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        BenchmarkRows.Sort chosen = BenchmarkRows.Sort.of(sort);
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<BenchmarkSummary>> summary = calls.read(Service.INDICATORS, () -> indicators.benchmarkSummary(null));
        CompletableFuture<Reply<List<Indicator>>> catalogue = user.isManager()
                ? calls.read(Service.INDICATORS, indicators::indicators) : null;
        Panel<BenchmarkSummary> panel = Calls.panel(summary, Service.INDICATORS, Reply::body);
        Map<String, Object> model = new HashMap<>();
        model.put("rows", panel.map(s -> BenchmarkRows.of(s, chosen)));
        model.put("placeText", panel.available() ? BenchmarkRows.placeText(panel.data() == null ? null : panel.data().place()) : "");
        model.put("columns", columns(chosen));
        model.put("sort", chosen.param());
        model.put("csvHref", "/benchmarks.csv" + (chosen == BenchmarkRows.Sort.INDICATOR ? "" : "?sort=" + chosen.param()));
        if (catalogue != null) {
            model.put("unmapped", panel.available() ? unmapped(panel.data(), Calls.panel(catalogue, Service.INDICATORS, Reply::body))
                    : Panel.unavailable(Service.INDICATORS.displayName()));
        }
        return model;
    }

    @Get(value = "/benchmarks.csv", produces = {"text/csv", MediaType.ALL})
    HttpResponse<byte[]> csv(HttpRequest<?> request, @QueryValue @Nullable String sort) {
        Reply<BenchmarkSummary> reply = Calls.require(downstream.forRequest(request).read(Service.INDICATORS, () -> indicators.benchmarkSummary(null)));
        if (!reply.ok()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The comparisons could not be loaded");
        }
        String csv = BenchmarksCsv.of(BenchmarkRows.of(reply.body(), BenchmarkRows.Sort.of(sort)));
        return HttpResponse.ok(csv.getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"benchmarks.csv\"");
    }

    static List<Column> columns(BenchmarkRows.Sort chosen) {
        return java.util.Arrays.stream(BenchmarkRows.Sort.values())
                .map(s -> new Column(s.label(), s == BenchmarkRows.Sort.INDICATOR ? "/benchmarks" : "/benchmarks?sort=" + s.param(),
                        s == chosen, s == chosen ? "ascending" : "none"))
                .toList();
    }

    static Panel<List<Unmapped>> unmapped(@Nullable BenchmarkSummary summary, Panel<List<Indicator>> catalogue) {
        Set<String> mapped = summary == null || summary.indicators() == null ? Set.of()
                : summary.indicators().stream().map(BenchmarkSummary.Line::indicator).collect(Collectors.toSet());
        return catalogue.map(all -> (all == null ? List.<Indicator>of() : all).stream()
                .filter(i -> !Boolean.FALSE.equals(i.active()) && !mapped.contains(i.code()))
                .sorted(java.util.Comparator.comparing(Indicator::code))
                .map(i -> new Unmapped(i.code(), i.title()))
                .toList());
    }
}
