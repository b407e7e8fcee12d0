package uk.org.quadrant.gateway.admin;

import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.WriteResult;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.Option;
import uk.org.quadrant.gateway.web.periods.Periods;
import uk.org.quadrant.gateway.web.periods.ReportingPeriod;
import uk.org.quadrant.gateway.web.words.Words;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.indicators.Figure;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.Service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Targets, baselines and benchmarks of one indicator, per period (benchmarks also per comparator:
 * England, region, statistical neighbours). Setting a figure for a period that has one replaces it.
 */
@Controller(value = "/admin/indicators/{code}/figures", produces = MediaType.TEXT_HTML)
@Secured(AdminAccess.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class FigureAdminController {

    /** A kind of figure: its form value, its API path segment, and its name in the users' words. */
    enum Kind {
        TARGET("targets", "Target"), BASELINE("baselines", "Baseline"), BENCHMARK("benchmarks", "Benchmark");

        final String path;
        final String label;

        Kind(String path, String label) {
            this.path = path;
            this.label = label;
        }

        static @Nullable Kind of(String value) {
            for (Kind k : values()) {
                if (k.name().equals(value)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One table of the page: the figures of one kind, or greyed out if the service did not send them. */
    record Section(String name, String title, String kind, Panel<List<Figure>> panel) {
    }

    static final List<Option> KINDS = List.of(new Option("TARGET", "Target"), new Option("BASELINE", "Baseline"),
            new Option("BENCHMARK", "Benchmark"));
    private static final Set<String> FIELDS = Set.of("kind", "period", "comparator", "value");
    private static final Map<String, String> LABELS = Map.of("period", "Period", "comparator", "Comparator", "value", "Value");

    /** What a benchmark can compare with, besides an authority named in words. */
    static final List<Option> COMPARATORS = List.of(new Option("ENGLAND", Words.of("ENGLAND")), new Option("REGION", Words.of("REGION")),
            new Option("STATISTICAL_NEIGHBOURS", Words.of("STATISTICAL_NEIGHBOURS")));
    /** How many years of periods the form offers (figures for older periods go through the API). */
    static final int YEARS_OFFERED = 12;

    private final Downstream downstream;
    private final IndicatorsClient indicators;
    private final Periods periods;

    FigureAdminController(Downstream downstream, IndicatorsClient indicators, Periods periods) {
        this.downstream = downstream;
        this.indicators = indicators;
        this.periods = periods;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, @PathVariable String code,
                         @QueryValue @Nullable String notice, @QueryValue @Nullable String subject) {
        Map<String, Object> model = model(request, code, Map.of("kind", "TARGET", "period", "", "comparator", "", "authority", "", "value", ""));
        model.put("banner", Notice.banner(notice, subject));
        FormErrors.none(model);
        return IndicatorAdminController.page("admin/figures", model, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> set(HttpRequest<?> request, @PathVariable String code, @Body Map<String, Object> body) {
        Form form = new Form(body);
        FormErrors errors = FormErrors.byInputName();
        Kind kind = Kind.of(form.value("kind"));
        if (kind == null) {
            errors.add("kind", "Choose target, baseline or benchmark");
        }
        String period = form.value("period");
        if (period.isEmpty()) {
            errors.add("period", "Choose the period");
        }
        // a named authority, when given, is what the benchmark compares with; otherwise England, region or neighbours
        String authority = form.value("authority");
        String comparator = authority.isEmpty() ? form.value("comparator") : authority;
        if (kind == Kind.BENCHMARK && comparator.isEmpty()) {
            errors.add("comparator", "Choose what the benchmark compares with, or name an authority");
        }
        BigDecimal value = null;
        if (form.value("value").isEmpty()) {
            errors.add("value", "Enter the value");
        } else {
            try {
                value = new BigDecimal(form.value("value").replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add("value", "Value must be a number, for example 75 or 12.5");
            }
        }
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (errors.isEmpty()) {
            IndicatorsClient.FigureValue figure = new IndicatorsClient.FigureValue(value);
            var result = WriteResult.awaitAnswer(downstream.forRequest(request).write(Service.INDICATORS,
                    () -> kind == Kind.BENCHMARK ? indicators.setBenchmark(code, period, comparator, figure)
                            : indicators.setFigure(code, kind.path, period, figure)), Service.INDICATORS);
            var reply = result.reply();
            if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
                errors.general(result.unavailableMessage());
                status = HttpStatus.SERVICE_UNAVAILABLE;
            } else if (reply.ok()) {
                Object label = reply.body() == null || reply.body().periodLabel() == null ? period : reply.body().periodLabel();
                return Form.done("/admin/indicators/" + Calls.enc(code) + "/figures", Notice.FIGURE_SET, kind.label + " for " + label + (kind == Kind.BENCHMARK ? " (" + Words.of(comparator) + ")" : "") + " of " + value.toPlainString());
            } else if (reply.status() == 404 && reply.fieldErrors().isEmpty()) {
                throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
            } else {
                errors = FormErrors.forInputs(FIELDS, LABELS).addAll(reply);
            }
        }
        Map<String, Object> model = model(request, code, Map.of("kind", form.value("kind"), "period", period,
                "comparator", form.value("comparator"), "authority", authority, "value", form.value("value")));
        errors.into(model);
        return IndicatorAdminController.page("admin/figures", model, status);
    }

    @Post(value = "/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(HttpRequest<?> request, @PathVariable String code, @Body Map<String, Object> body) {
        Form form = new Form(body);
        Kind kind = Kind.of(form.value("kind"));
        String period = form.value("period");
        if (kind == null || period.isEmpty()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "Choose a figure to remove");
        }
        String comparator = form.value("comparator");
        var result = WriteResult.awaitAnswer(downstream.forRequest(request).write(Service.INDICATORS,
                () -> kind == Kind.BENCHMARK ? indicators.removeBenchmark(code, period, comparator)
                        : indicators.removeFigure(code, kind.path, period)), Service.INDICATORS);
        var reply = result.reply();
        FormErrors errors = FormErrors.byInputName();
        HttpStatus status;
        if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
            errors.general(result.unavailableMessage());
            status = HttpStatus.SERVICE_UNAVAILABLE;
        } else if (reply.ok()) {
            return Form.done("/admin/indicators/" + Calls.enc(code) + "/figures", Notice.FIGURE_REMOVED, kind.label + " for " + ReportingPeriod.labelOf(period) + (comparator.isEmpty() ? "" : " (" + Words.of(comparator) + ")"));
        } else if (reply.status() == 404) {
            errors.general("That " + kind.label.toLowerCase() + " was already removed: the tables show what is set now.");
            status = HttpStatus.CONFLICT;
        } else {
            errors = FormErrors.forInputs(Set.of(), LABELS).addAll(reply);
            status = HttpStatus.BAD_REQUEST;
        }
        Map<String, Object> model = model(request, code, Map.of("kind", "TARGET", "period", "", "comparator", "", "authority", "", "value", ""));
        errors.into(model);
        return IndicatorAdminController.page("admin/figures", model, status);
    }

    /** The indicator and its three lists of figures, asked for at once. */
    private Map<String, Object> model(HttpRequest<?> request, String code, Map<String, String> values) {
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<Indicator>> indicator = calls.read(Service.INDICATORS, () -> indicators.indicator(code));
        CompletableFuture<Reply<List<Figure>>> targets = calls.read(Service.INDICATORS, () -> indicators.targets(code));
        CompletableFuture<Reply<List<Figure>>> baselines = calls.read(Service.INDICATORS, () -> indicators.baselines(code));
        CompletableFuture<Reply<List<Figure>>> benchmarks = calls.read(Service.INDICATORS, () -> indicators.benchmarks(code));
        Reply<Indicator> definition = Calls.require(indicator);
        if (definition.status() == 404) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        if (!definition.ok() || definition.body() == null) {
            throw new HttpStatusException(HttpStatus.valueOf(definition.status()), definition.detail());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("indicator", definition.body());
        model.put("sections", List.of(
                new Section("targets", "Targets", Kind.TARGET.name(), Calls.panel(targets, Service.INDICATORS, Reply::body)),
                new Section("baselines", "Baselines", Kind.BASELINE.name(), Calls.panel(baselines, Service.INDICATORS, Reply::body)),
                new Section("benchmarks", "Benchmarks", Kind.BENCHMARK.name(), Calls.panel(benchmarks, Service.INDICATORS, Reply::body))));
        model.put("form", new HashMap<>(values));
        model.put("kindOptions", KINDS);
        model.put("periodHint", periodHint(String.valueOf(definition.body().frequency())));
        model.put("periodOptions", ReportingPeriod.kindOf(String.valueOf(definition.body().frequency()))
                .map(k -> ReportingPeriod.recent(k, periods.asAt(), YEARS_OFFERED).stream().map(p -> new Option(p.id(), p.label())).toList())
                .orElse(List.of()));
        model.put("comparatorOptions", COMPARATORS);
        return model;
    }

    static String periodHint(String frequency) {
        return switch (frequency) {
            case "MONTHLY" -> "A month as year and month, for example 201803 for March 2018";
            case "FINANCIAL_QUARTER" -> "A financial-year quarter, for example 2017AprilQ1 for Q1 2017/18 (April to June 2017)";
            case "FINANCIAL_YEAR" -> "A financial year, for example 2017April for 2017/18";
            case "ACADEMIC_YEAR" -> "An academic year, for example 2016Sep for 2016/17";
            case "CALENDAR_YEAR" -> "A calendar year, for example 2018";
            case "CALENDAR_QUARTER" -> "A calendar quarter, for example 2018Q1 for January to March 2018";
            default -> "The period identifier, for example 2017April for 2017/18";
        };
    }
}
