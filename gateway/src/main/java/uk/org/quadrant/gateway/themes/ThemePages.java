package uk.org.quadrant.gateway.themes;

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
import uk.org.quadrant.gateway.audits.AuditWording;
import uk.org.quadrant.gateway.directory.AgencyNames;
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Panel;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;
import uk.org.quadrant.gateway.plans.PlanWording;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
class ThemePages {

    private static final Pattern THEME_CODE = Pattern.compile("[A-Z0-9_]{1,64}");

    private final Downstream downstream;
    private final AgencyNames agencies;

    ThemePages(Downstream downstream, AgencyNames agencies) {
        this.downstream = downstream;
        this.agencies = agencies;
    }

    @Get
    @View("themes/list")
    Map<String, Object> list(HttpRequest<?> request, @QueryValue @Nullable String year, @QueryValue @Nullable String from,
                             @QueryValue @Nullable String to, @QueryValue @Nullable String quadrant,
                             @QueryValue @Nullable String agency) {
        Map<String, String> names = agencies.byCode();
        ThemeFilter filter = ThemeFilter.of(year, from, to, quadrant, agency, names.keySet());
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply> analysis = calls.get(Service.AUDITS, "/api/v1/themes/analysis" + filter.query());
        CompletableFuture<Reply> evidence = calls.get(Service.AUDITS, "/api/v1/themes/evidence" + filter.query());

        Panel<List<Map<String, Object>>> table = Calls.panel(analysis, Service.AUDITS, r -> r.rows().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>(t);
            row.put("quadrantLabels", AuditWording.strings(t.get("quadrants")).stream().map(AuditWording::quadrant).toList());
            row.put("sourceTypeLabels", AuditWording.strings(t.get("sourceTypes")).stream().map(AuditWording::type).toList());
            return row;
        }).toList());
        Panel<List<Map<String, Object>>> trail = Calls.panel(evidence, Service.AUDITS, r -> r.rows().stream()
                .map(t -> theme(t, names)).toList());
        Map<String, Object> model = model(filter, names);
        model.put("analysis", table);
        model.put("evidence", trail);
        return model;
    }

    @Get("/{code}")
    @View("themes/theme")
    Map<String, Object> theme(HttpRequest<?> request, @PathVariable String code, @QueryValue @Nullable String year,
                              @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                              @QueryValue @Nullable String quadrant, @QueryValue @Nullable String agency) {
        if (!THEME_CODE.matcher(code).matches()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Map<String, String> names = agencies.byCode();
        ThemeFilter filter = ThemeFilter.of(year, from, to, quadrant, agency, names.keySet());
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply> vocabulary = calls.get(Service.AUDITS, "/api/v1/themes");
        CompletableFuture<Reply> evidence = calls.get(Service.AUDITS, "/api/v1/themes/evidence" + filter.queryAnd("theme=" + Calls.enc(code)));

        Reply themes = Calls.require(vocabulary);
        Map<String, Object> known = themes.rows().stream().filter(t -> code.equals(t.get("code"))).findFirst().orElse(null);
        if (!themes.ok() || known == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Panel<Map<String, Object>> trail = Calls.panel(evidence, Service.AUDITS, r -> r.rows().stream()
                .findFirst().map(t -> theme(t, names)).orElse(null));
        Map<String, Object> model = model(filter, names);
        model.put("theme", known);
        model.put("evidence", trail);
        return model;
    }

    /** A theme's sources with words for their types, agencies and periods. */
    private static Map<String, Object> theme(Map<String, Object> t, Map<String, String> names) {
        Map<String, Object> row = new LinkedHashMap<>(t);
        List<Map<String, Object>> sources = new ArrayList<>();
        if (t.get("bySource") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) m);
                    s.put("typeLabel", AuditWording.type(s.get("type")));
                    s.put("leadAgencyName", names.getOrDefault(String.valueOf(s.get("leadAgency")), String.valueOf(s.get("leadAgency"))));
                    s.put("periodLabel", PlanWording.date(s.get("periodStart")) + " to " + PlanWording.date(s.get("periodEnd")));
                    List<Map<String, Object>> findings = new ArrayList<>();
                    if (s.get("findings") instanceof List<?> fl) {
                        for (Object fo : fl) {
                            if (fo instanceof Map<?, ?> fm) {
                                @SuppressWarnings("unchecked")
                                Map<String, Object> f = new LinkedHashMap<>((Map<String, Object>) fm);
                                f.put("kindLabel", AuditWording.kind(f.get("kind")));
                                f.put("quadrantLabel", AuditWording.quadrant(f.get("quadrant")));
                                findings.add(f);
                            }
                        }
                    }
                    s.put("findings", findings);
                    sources.add(s);
                }
            }
        }
        row.put("bySource", sources);
        return row;
    }

    private Map<String, Object> model(ThemeFilter filter, Map<String, String> names) {
        Map<String, Object> model = new HashMap<>();
        model.put("filter", filter);
        model.put("linkQuery", filter.query());
        model.put("agencyOptions", names.entrySet().stream().map(e -> Map.of("code", e.getKey(), "name", e.getValue())).toList());
        model.put("quadrantOptions", AuditWording.QUADRANTS.entrySet().stream().map(e -> Map.of("code", e.getKey(), "name", e.getValue())).toList());
        List<Map<String, String>> years = new ArrayList<>();
        for (int y = LocalDate.now().getYear(); y >= 2014; y--) {
            years.add(Map.of("code", y + "April", "name", ThemeFilter.yearLabel(y + "April")));
        }
        model.put("yearOptions", years);
        model.put("period", filter.from() == null && filter.to() == null ? "All periods"
                : (filter.from() == null ? "Up to " + PlanWording.date(filter.to())
                : filter.to() == null ? "From " + PlanWording.date(filter.from())
                : PlanWording.date(filter.from()) + " to " + PlanWording.date(filter.to())));
        return model;
    }

}
