package uk.org.quadrant.gateway.audits;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.directory.AgencyNames;
import uk.org.quadrant.gateway.directory.Role;
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Panel;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;
import uk.org.quadrant.gateway.plans.PlanWording;
import uk.org.quadrant.gateway.signin.CurrentUser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The audit programme and one audit. audits-service decides which audits a user sees (the board
 * all; an agency those it leads or takes part in) and the gateway checks again: another agency's
 * audit is the same 404 as one that does not exist. Recording cases and findings is offered to the
 * audit's participants and the board manager, never the chair.
 */
@Controller(value = "/audits", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPages {

    private final Downstream downstream;
    private final AgencyNames agencies;

    AuditPages(Downstream downstream, AgencyNames agencies) {
        this.downstream = downstream;
        this.agencies = agencies;
    }

    /** The programme: nothing without audits-service (503); scale names are a nicety. */
    @Get
    @View("audits/list")
    Map<String, Object> list(HttpRequest<?> request, Authentication authentication) {
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply> audits = calls.get(Service.AUDITS, "/api/v1/audits");
        CompletableFuture<Reply> scales = calls.get(Service.AUDITS, "/api/v1/grading-scales");
        Reply reply = Calls.require(audits);
        if (!reply.ok()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "audits-service refused the audit programme");
        }
        Map<String, String> scaleNames = scaleNames(scales);
        Map<String, String> names = agencies.byCode();
        CurrentUser user = CurrentUser.of(authentication);
        List<Map<String, Object>> rows = reply.rows().stream()
                .filter(a -> visible(user, a))
                .map(a -> row(a, names, scaleNames)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("audits", rows);
        return model;
    }

    @Get("/{id}")
    @View("audits/audit")
    Map<String, Object> audit(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        Calls calls = downstream.forRequest(request);
        String base = "/api/v1/audits/" + id;
        CompletableFuture<Reply> audit = calls.get(Service.AUDITS, base);
        CompletableFuture<Reply> grades = calls.get(Service.AUDITS, base + "/grades");
        CompletableFuture<Reply> cases = calls.get(Service.AUDITS, base + "/cases");
        CompletableFuture<Reply> findings = calls.get(Service.AUDITS, base + "/findings");
        CompletableFuture<Reply> themes = calls.get(Service.AUDITS, "/api/v1/themes");
        CompletableFuture<Reply> scales = calls.get(Service.AUDITS, "/api/v1/grading-scales");

        Reply reply = Calls.require(audit);
        CurrentUser user = CurrentUser.of(authentication);
        if (!reply.ok() || !visible(user, reply.map())) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Map<String, String> names = agencies.byCode();
        Map<String, Object> a = row(reply.map(), names, scaleNames(scales));
        Map<String, String> themeLabels = codeTo(themes, "label");
        Map<String, Object> model = new HashMap<>();
        model.put("audit", a);
        model.put("gradesCases", AuditWording.gradesCases(reply.map().get("type")));
        model.put("grades", Calls.panel(grades, Service.AUDITS, r -> grades(r.map())));
        model.put("cases", Calls.panel(cases, Service.AUDITS, r -> r.rows().stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>(c);
            row.put("gradeLabel", AuditWording.grade(c.get("grade")));
            row.put("agencyLabel", "JOINT".equals(c.get("agency")) ? "Joint conclusion" : names.getOrDefault(String.valueOf(c.get("agency")), String.valueOf(c.get("agency"))));
            return row;
        }).toList()));
        model.put("findings", Calls.panel(findings, Service.AUDITS, r -> FindingGroups.byQuadrantAndTheme(r.rows(), themeLabels)));
        boolean contributes = mayContribute(user, reply.map());
        model.put("mayRecordCases", contributes && AuditWording.gradesCases(reply.map().get("type")));
        model.put("mayRecordFindings", contributes);
        return model;
    }

    /** The board sees every audit; an agency the ones it leads or takes part in. */
    static boolean visible(CurrentUser user, Map<String, Object> audit) {
        return user.isBoard() || involves(audit, user.agencyCode());
    }

    /** Participants (contributors and leads of an agency in the audit) and the board manager; never the chair. */
    static boolean mayContribute(CurrentUser user, Map<String, Object> audit) {
        if (user.isManager()) {
            return true;
        }
        boolean agencyUser = user.roles().contains(Role.AGENCY_CONTRIBUTOR) || user.roles().contains(Role.AGENCY_LEAD);
        return agencyUser && !user.isBoard() && involves(audit, user.agencyCode());
    }

    private static boolean involves(Map<String, Object> audit, String agency) {
        return !agency.isEmpty() && (agency.equals(audit.get("leadAgency"))
                || AuditWording.strings(audit.get("participatingAgencies")).contains(agency));
    }

    private static Map<String, Object> row(Map<String, Object> audit, Map<String, String> names, Map<String, String> scaleNames) {
        Map<String, Object> row = new LinkedHashMap<>(audit);
        row.put("typeLabel", AuditWording.type(audit.get("type")));
        row.put("statusTag", AuditWording.status(audit.get("status")));
        String lead = String.valueOf(audit.get("leadAgency"));
        row.put("leadAgencyName", names.getOrDefault(lead, lead));
        row.put("participantNames", AuditWording.strings(audit.get("participatingAgencies")).stream()
                .map(c -> names.getOrDefault(c, c)).toList());
        row.put("periodLabel", PlanWording.date(audit.get("periodStart")) + " to " + PlanWording.date(audit.get("periodEnd")));
        row.put("plannedLabel", range(audit.get("plannedStart"), audit.get("plannedEnd")));
        row.put("actualLabel", range(audit.get("actualStart"), audit.get("actualEnd")));
        Object scale = audit.get("gradingScale");
        row.put("scaleLabel", scale == null ? "Not graded" : scaleNames.getOrDefault(String.valueOf(scale), String.valueOf(scale)));
        return row;
    }

    private static String range(Object start, Object end) {
        if (start == null && end == null) {
            return null;
        }
        if (end == null) {
            return "from " + PlanWording.date(start);
        }
        if (start == null) {
            return "until " + PlanWording.date(end);
        }
        return PlanWording.date(start) + " to " + PlanWording.date(end);
    }

    /** The audit's grade distribution, best grade first as the service orders it, with words for grades. */
    private static Map<String, Object> grades(Map<String, Object> g) {
        Map<String, Object> out = new LinkedHashMap<>(g);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (g.get("distribution") instanceof Map<?, ?> d) {
            d.forEach((grade, count) -> rows.add(Map.of("grade", AuditWording.grade(grade), "count", count)));
        }
        out.put("rows", rows);
        out.put("standardLabel", AuditWording.grade(g.get("standard")).toLowerCase(java.util.Locale.UK));
        return out;
    }

    private static Map<String, String> scaleNames(CompletableFuture<Reply> scales) {
        return codeTo(scales, "name");
    }

    /**
     * {@code code → field} from a list of vocabulary rows (themes, grading scales): words to show
     * instead of codes. If the call failed, an empty map, and pages show the codes themselves.
     */
    private static Map<String, String> codeTo(CompletableFuture<Reply> call, String field) {
        Panel<Map<String, String>> panel = Calls.panel(call, Service.AUDITS, r -> {
            Map<String, String> out = new HashMap<>();
            r.rows().forEach(row -> out.put(String.valueOf(row.get("code")), String.valueOf(row.get(field))));
            return out;
        });
        return panel.available() ? panel.data() : Map.of();
    }

}
