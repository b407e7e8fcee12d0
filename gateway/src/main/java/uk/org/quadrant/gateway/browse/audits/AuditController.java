package uk.org.quadrant.gateway.browse.audits;

import uk.org.quadrant.gateway.web.dates.DisplayDates;
import io.micronaut.core.annotation.Nullable;
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
import uk.org.quadrant.gateway.identity.directory.AgencyNames;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.audits.Audit;
import uk.org.quadrant.gateway.clients.audits.AuditCase;
import uk.org.quadrant.gateway.clients.audits.AuditGrades;
import uk.org.quadrant.gateway.clients.audits.AuditsClient;
import uk.org.quadrant.gateway.clients.audits.Finding;
import uk.org.quadrant.gateway.clients.audits.GradingScale;
import uk.org.quadrant.gateway.clients.audits.Theme;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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
class AuditController {

    private final Downstream downstream;
    private final AuditsClient audits;
    private final AgencyNames agencies;

    AuditController(Downstream downstream, AuditsClient audits, AgencyNames agencies) {
        this.downstream = downstream;
        this.audits = audits;
        this.agencies = agencies;
    }

    /** An audit as the programme and its own page show it (public: templates read it). */
    public record AuditRow(long id, String title, @Nullable Integer scope, @Nullable String summary,
                           @Nullable BigDecimal complianceThresholdPercent, String typeLabel, AuditWording.Tag statusTag,
                           String leadAgencyName, List<String> participantNames, String periodLabel,
                           @Nullable String plannedLabel, @Nullable String actualLabel, String scaleLabel) {
    }

    /** An audited case with words for its grade and agency (public: templates read it). */
    public record CaseRow(String caseRef, @Nullable String summary, String gradeLabel, String agencyLabel) {
    }

    /** The grade distribution with words for grades (public: templates read it). */
    public record GradesPanel(int cases, @Nullable BigDecimal compliancePercent, @Nullable Boolean complianceMet,
                              String standardLabel, List<GradeCount> rows) {
    }

    /** One grade's count. */
    public record GradeCount(String grade, int count) {
    }

    /** The programme: nothing without audits-service (503); scale names are a nicety. */
    @Get
    @View("browse/audits/list")
    Map<String, Object> list(HttpRequest<?> request, Authentication authentication) {
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<List<Audit>>> programme = calls.read(Service.AUDITS, audits::audits);
        CompletableFuture<Reply<List<GradingScale>>> scales = calls.read(Service.AUDITS, audits::gradingScales);
        Reply<List<Audit>> reply = Calls.require(programme);
        if (!reply.ok() || reply.body() == null) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "audits-service refused the audit programme");
        }
        Map<String, String> scaleNames = scaleNames(scales);
        Map<String, String> names = agencies.byCode();
        CurrentUser user = CurrentUser.of(authentication);
        List<AuditRow> rows = reply.body().stream()
                .filter(a -> visible(user, a))
                .map(a -> row(a, names, scaleNames)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("audits", rows);
        return model;
    }

    @Get("/{id}")
    @View("browse/audits/audit")
    Map<String, Object> audit(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        Calls calls = downstream.forRequest(request);
        CompletableFuture<Reply<Audit>> audit = calls.read(Service.AUDITS, () -> audits.audit(id));
        CompletableFuture<Reply<AuditGrades>> grades = calls.read(Service.AUDITS, () -> audits.grades(id));
        CompletableFuture<Reply<List<AuditCase>>> cases = calls.read(Service.AUDITS, () -> audits.cases(id));
        CompletableFuture<Reply<List<Finding>>> findings = calls.read(Service.AUDITS, () -> audits.findings(id));
        CompletableFuture<Reply<List<Theme>>> themes = calls.read(Service.AUDITS, audits::themes);
        CompletableFuture<Reply<List<GradingScale>>> scales = calls.read(Service.AUDITS, audits::gradingScales);

        Reply<Audit> reply = Calls.require(audit);
        CurrentUser user = CurrentUser.of(authentication);
        if (!reply.ok() || reply.body() == null || !visible(user, reply.body())) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Audit found = reply.body();
        Map<String, String> names = agencies.byCode();
        AuditRow a = row(found, names, scaleNames(scales));
        Panel<Map<String, String>> labels = Calls.panel(themes, Service.AUDITS, r -> {
            Map<String, String> out = new HashMap<>();
            r.body().forEach(t -> out.put(t.code(), t.label()));
            return out;
        });
        Map<String, String> themeLabels = labels.available() ? labels.data() : Map.of();
        Map<String, Object> model = new HashMap<>();
        model.put("audit", a);
        model.put("gradesCases", AuditWording.gradesCases(found.type()));
        model.put("grades", Calls.panel(grades, Service.AUDITS, r -> grades(r.body())));
        model.put("cases", Calls.panel(cases, Service.AUDITS, r -> r.body().stream().map(c -> new CaseRow(c.caseRef(), c.summary(),
                AuditWording.grade(c.grade()),
                "JOINT".equals(c.agency()) ? "Joint conclusion" : names.getOrDefault(String.valueOf(c.agency()), String.valueOf(c.agency()))))
                .toList()));
        model.put("findings", Calls.panel(findings, Service.AUDITS, r -> FindingGroups.byQuadrantAndTheme(r.body(), themeLabels)));
        boolean contributes = mayContribute(user, found);
        model.put("mayRecordCases", contributes && AuditWording.gradesCases(found.type()));
        model.put("mayRecordFindings", contributes);
        return model;
    }

    /** The board sees every audit; an agency the ones it leads or takes part in. */
    static boolean visible(CurrentUser user, Audit audit) {
        return user.isBoard() || involves(audit, user.agencyCode());
    }

    /** Participants (contributors and leads of an agency in the audit) and the board manager; never the chair. */
    static boolean mayContribute(CurrentUser user, Audit audit) {
        if (user.isManager()) {
            return true;
        }
        boolean agencyUser = user.roles().contains(Role.AGENCY_CONTRIBUTOR) || user.roles().contains(Role.AGENCY_LEAD);
        return agencyUser && !user.isBoard() && involves(audit, user.agencyCode());
    }

    private static boolean involves(Audit audit, String agency) {
        return !agency.isEmpty() && (agency.equals(audit.leadAgency()) || audit.participants().contains(agency));
    }

    private static AuditRow row(Audit audit, Map<String, String> names, Map<String, String> scaleNames) {
        String lead = String.valueOf(audit.leadAgency());
        String scale = audit.gradingScale();
        return new AuditRow(audit.id(), audit.title(), audit.scope(), audit.summary(), audit.complianceThresholdPercent(),
                AuditWording.type(audit.type()), AuditWording.status(audit.status()), names.getOrDefault(lead, lead),
                audit.participants().stream().map(c -> names.getOrDefault(c, c)).toList(),
                DisplayDates.longDate(audit.periodStart()) + " to " + DisplayDates.longDate(audit.periodEnd()),
                range(audit.plannedStart(), audit.plannedEnd()), range(audit.actualStart(), audit.actualEnd()),
                scale == null ? "Not graded" : scaleNames.getOrDefault(scale, scale));
    }

    private static String range(Object start, Object end) {
        if (start == null && end == null) {
            return null;
        }
        if (end == null) {
            return "from " + DisplayDates.longDate(start);
        }
        if (start == null) {
            return "until " + DisplayDates.longDate(end);
        }
        return DisplayDates.longDate(start) + " to " + DisplayDates.longDate(end);
    }

    /** The audit's grade distribution, best grade first as the service orders it, with words for grades. */
    private static GradesPanel grades(AuditGrades g) {
        List<GradeCount> rows = new ArrayList<>();
        if (g.distribution() != null) {
            g.distribution().forEach((grade, count) -> rows.add(new GradeCount(AuditWording.grade(grade), count)));
        }
        return new GradesPanel(g.cases(), g.compliancePercent(), g.complianceMet(),
                AuditWording.grade(g.standard()).toLowerCase(java.util.Locale.UK), rows);
    }

    /** Scale code to name; if the call failed, an empty map, and pages show the codes themselves. */
    private static Map<String, String> scaleNames(CompletableFuture<Reply<List<GradingScale>>> call) {
        Panel<Map<String, String>> panel = Calls.panel(call, Service.AUDITS, r -> {
            Map<String, String> out = new HashMap<>();
            r.body().forEach(s -> out.put(s.code(), s.name()));
            return out;
        });
        return panel.available() ? panel.data() : Map.of();
    }
}
