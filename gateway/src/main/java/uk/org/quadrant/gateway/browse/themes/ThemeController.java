package uk.org.quadrant.gateway.browse.themes;

import uk.org.quadrant.gateway.web.dates.DisplayDates;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.browse.audits.AuditWording;
import uk.org.quadrant.gateway.identity.directory.AgencyNames;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.audits.AuditsClient;
import uk.org.quadrant.gateway.clients.audits.Theme;
import uk.org.quadrant.gateway.clients.audits.ThemeAnalysis;
import uk.org.quadrant.gateway.clients.audits.ThemeEvidence;
import uk.org.quadrant.gateway.clients.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Theme → sources → findings: which themes recur across audits, reviews and surveys, and what each
 * source found. Two calls to audits-service at once (the ranked analysis and the evidence behind
 * it), both over only the audits the user may see; if audits-service is down the page still
 * renders its filters with the panels greyed out.
 */
@Controller(value = "/themes", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ThemeController {

    private static final Pattern THEME_CODE = Pattern.compile("[A-Z0-9_]{1,64}");

    private final Downstream downstream;
    private final AuditsClient audits;
    private final AgencyNames agencies;

    ThemeController(Downstream downstream, AuditsClient audits, AgencyNames agencies) {
        this.downstream = downstream;
        this.audits = audits;
        this.agencies = agencies;
    }

    /** A theme in the analysis table, with words for its quadrants and source types (public: templates read it). */
    public record AnalysisRow(String theme, String label, int findings, int sources, boolean repeated,
                              List<String> quadrantLabels, List<String> sourceTypeLabels) {
    }

    /** A theme's findings source by source, in words (public: templates read it). */
    public record EvidenceRow(String theme, String label, int findings, int sources, List<SourceRow> bySource) {
    }

    /** A source with its type, lead agency and period in words. */
    public record SourceRow(long auditId, String title, String typeLabel, String leadAgencyName, String periodLabel,
                            List<LineRow> findings) {
    }

    /** A finding of a source with its kind and quadrant in words. */
    public record LineRow(String text, @Nullable String agency, String kindLabel, String quadrantLabel) {
    }

    @Get
    @View("browse/themes/list")
    Map<String, Object> list(HttpRequest<?> request, @QueryValue @Nullable String year, @QueryValue @Nullable String from,
                             @QueryValue @Nullable String to, @QueryValue @Nullable String quadrant,
                             @QueryValue @Nullable String agency) {
        Map<String, String> names = agencies.byCode();
        ThemeQuery filter = ThemeQuery.of(year, from, to, quadrant, agency, names.keySet());
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<List<ThemeAnalysis>>> analysis = calls.read(Service.AUDITS,
                () -> audits.themeAnalysis(text(filter.from()), text(filter.to()), filter.quadrant(), filter.agency()));
        CompletableFuture<Reply<List<ThemeEvidence>>> evidence = calls.read(Service.AUDITS,
                () -> audits.themeEvidence(text(filter.from()), text(filter.to()), filter.quadrant(), filter.agency(), null));

        Panel<List<AnalysisRow>> table = Calls.panel(analysis, Service.AUDITS, r -> r.body().stream().map(t -> new AnalysisRow(
                t.theme(), t.label(), t.findings(), t.sources(), t.repeated(),
                (t.quadrants() == null ? List.<String>of() : t.quadrants()).stream().map(AuditWording::quadrant).toList(),
                (t.sourceTypes() == null ? List.<String>of() : t.sourceTypes()).stream().map(AuditWording::type).toList()))
                .toList());
        Panel<List<EvidenceRow>> trail = Calls.panel(evidence, Service.AUDITS, r -> r.body().stream()
                .map(t -> theme(t, names)).toList());
        Map<String, Object> model = model(filter, names);
        model.put("analysis", table);
        model.put("evidence", trail);
        return model;
    }

    @Get("/{code}")
    @View("browse/themes/theme")
    Map<String, Object> theme(HttpRequest<?> request, @PathVariable String code, @QueryValue @Nullable String year,
                              @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                              @QueryValue @Nullable String quadrant, @QueryValue @Nullable String agency) {
        if (!THEME_CODE.matcher(code).matches()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Map<String, String> names = agencies.byCode();
        ThemeQuery filter = ThemeQuery.of(year, from, to, quadrant, agency, names.keySet());
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<List<Theme>>> vocabulary = calls.read(Service.AUDITS, audits::themes);
        CompletableFuture<Reply<List<ThemeEvidence>>> evidence = calls.read(Service.AUDITS,
                () -> audits.themeEvidence(text(filter.from()), text(filter.to()), filter.quadrant(), filter.agency(), code));

        Reply<List<Theme>> themes = Calls.require(vocabulary);
        Theme known = themes.body() == null ? null : themes.body().stream().filter(t -> code.equals(t.code())).findFirst().orElse(null);
        if (!themes.ok() || known == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Panel<EvidenceRow> trail = Calls.panel(evidence, Service.AUDITS, r -> r.body().stream()
                .findFirst().map(t -> theme(t, names)).orElse(null));
        Map<String, Object> model = model(filter, names);
        model.put("theme", known);
        model.put("evidence", trail);
        return model;
    }

    private static String text(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A theme's sources with words for their types, agencies and periods. */
    private static EvidenceRow theme(ThemeEvidence t, Map<String, String> names) {
        List<SourceRow> sources = new ArrayList<>();
        for (ThemeEvidence.Source s : t.bySource() == null ? List.<ThemeEvidence.Source>of() : t.bySource()) {
            List<LineRow> findings = (s.findings() == null ? List.<ThemeEvidence.Line>of() : s.findings()).stream()
                    .map(f -> new LineRow(f.text(), f.agency(), AuditWording.kind(f.kind()), AuditWording.quadrant(f.quadrant())))
                    .toList();
            String lead = String.valueOf(s.leadAgency());
            sources.add(new SourceRow(s.auditId(), s.title(), AuditWording.type(s.type()), names.getOrDefault(lead, lead),
                    DisplayDates.longDate(s.periodStart()) + " to " + DisplayDates.longDate(s.periodEnd()), findings));
        }
        return new EvidenceRow(t.theme(), t.label(), t.findings(), t.sources(), sources);
    }

    private Map<String, Object> model(ThemeQuery filter, Map<String, String> names) {
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("linkQuery", filter.query());
        model.put("agencyOptions", names.entrySet().stream().map(e -> Map.of("code", e.getKey(), "name", e.getValue())).toList());
        model.put("quadrantOptions", AuditWording.QUADRANTS.entrySet().stream().map(e -> Map.of("code", e.getKey(), "name", e.getValue())).toList());
        List<Map<String, String>> years = new ArrayList<>();
        for (int y = LocalDate.now().getYear(); y >= 2014; y--) {
            years.add(Map.of("code", y + "April", "name", ThemeQuery.yearLabel(y + "April")));
        }
        model.put("yearOptions", years);
        model.put("period", filter.from() == null && filter.to() == null ? "All periods"
                : (filter.from() == null ? "Up to " + DisplayDates.longDate(filter.to())
                : filter.to() == null ? "From " + DisplayDates.longDate(filter.from())
                : DisplayDates.longDate(filter.from()) + " to " + DisplayDates.longDate(filter.to())));
        return model;
    }

}
