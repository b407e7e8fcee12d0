package uk.org.quadrant.gateway.agency;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.audits.Audit;
import uk.org.quadrant.gateway.clients.audits.AuditCase;
import uk.org.quadrant.gateway.clients.audits.AuditsClient;
import uk.org.quadrant.gateway.clients.audits.GradingScale;
import uk.org.quadrant.gateway.clients.audits.Theme;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.FormErrors.Field;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.ReturnTo;
import uk.org.quadrant.gateway.web.forms.WriteResult;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recording an audit's evidence: a graded case (reference, a grade from the audit's own grading
 * scale, whose view it is) and a finding (kind, text, themes from the board's vocabulary, quadrant).
 * Only agencies taking part in the audit (and the board manager) may record; another agency's audit
 * answers "not found". A case already recorded for that agency is a conflict: the form then shows
 * the audit's cases as they are now.
 */
@Controller(value = "/audits/{id}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CaseworkController {

    static final String CASE_VIEW = "agency/case";
    static final String FINDING_VIEW = "agency/finding";
    private static final Map<String, Field> CASE_FIELDS = Map.of(
            "caseRef", new Field("caseRef", "Case reference"),
            "grade", new Field("grade", "Grade"),
            "agency", new Field("agency", "Whose view"),
            "summary", new Field("summary", "Summary"));
    private static final Map<String, Field> FINDING_FIELDS = Map.of(
            "kind", new Field("kind", "Kind of finding"),
            "text", new Field("text", "Finding"),
            "themes", new Field("themes", "Themes"),
            "quadrant", new Field("quadrant", "Quadrant"),
            "agency", new Field("agency", "Agency concerned"));
    private static final List<Map<String, String>> KINDS = List.of(
            Map.of("code", "STRENGTH", "label", "Strength"),
            Map.of("code", "LEARNING_POINT", "label", "Learning point"),
            Map.of("code", "RECOMMENDATION", "label", "Recommendation"),
            Map.of("code", "CONCERN", "label", "Concern"),
            Map.of("code", "VIEW", "label", "A view of a child, parent or practitioner"));
    private static final List<Map<String, String>> QUADRANTS = List.of(
            Map.of("code", "QUANTITATIVE", "label", "Quantitative (performance data)"),
            Map.of("code", "QUALITATIVE", "label", "Qualitative (audits and reviews)"),
            Map.of("code", "PRACTITIONER", "label", "Practitioners' views"),
            Map.of("code", "CHILDREN_AND_FAMILIES", "label", "Children, young people and families' views"));
    private static final Map<String, String> DEFAULT_QUADRANT = Map.of(
            "PRACTITIONER_EVENT_OR_SURVEY", "PRACTITIONER",
            "CHILDREN_AND_FAMILIES_ENGAGEMENT", "CHILDREN_AND_FAMILIES",
            "COMPLAINTS_SUMMARY", "CHILDREN_AND_FAMILIES");

    private final Downstream downstream;
    private final AuditsClient audits;

    CaseworkController(Downstream downstream, AuditsClient audits) {
        this.downstream = downstream;
        this.audits = audits;
    }

    // ---- cases ---------------------------------------------------------------------------------

    @Get("/cases/new")
    HttpResponse<?> newCase(@PathVariable long id, @QueryValue @Nullable String returnTo, HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Calls calls = downstream.forRequest(request);
        Audit audit = audit(calls, user, id);
        Map<String, Object> input = new HashMap<>();
        input.put("agency", user.isBoard() ? "JOINT" : user.agencyCode());
        return Form.page(HttpStatus.OK, CASE_VIEW, caseModel(calls, user, audit, input, FormErrors.none(), null, null, back(user, returnTo, id)));
    }

    @Post(value = "/cases/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"AGENCY_CONTRIBUTOR", "AGENCY_LEAD", "BOARD_MANAGER"})
    HttpResponse<?> recordCase(@PathVariable long id, @Body Map<String, Object> posted, HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Calls calls = downstream.forRequest(request);
        Audit audit = audit(calls, user, id);
        Form form = new Form(posted);
        String back = back(user, form.text("returnTo"), id);
        String agency = form.text("agency");
        if (!user.isBoard() && agency != null && !agency.equals(user.agencyCode()) && !"JOINT".equals(agency)) {
            throw AgencyGuard.notFound();
        }
        AuditsClient.CaseRequest body = new AuditsClient.CaseRequest(form.text("caseRef"), form.text("grade"), agency, form.text("summary"));
        WriteResult<?> result = WriteResult.await(calls.write(Service.AUDITS, () -> audits.recordCase(id, body)), Service.AUDITS);
        FormErrors errors = new FormErrors(CASE_FIELDS, "caseRef");
        return switch (result.kind()) {
            case DONE -> Form.done(back, Notice.CASE_RECORDED);
            case INVALID -> Form.page(result.status(), CASE_VIEW, caseModel(calls, user, audit, posted, errors.addAll(result.reply()), null, null, back));
            case UNAVAILABLE -> Form.page(result.status(), CASE_VIEW, caseModel(calls, user, audit, posted, errors, null, result.unavailableMessage(), back));
            case CONFLICT -> {
                Map<String, Object> latest = new LinkedHashMap<>();
                latest.put("Why", result.reply().detail());
                Reply<List<AuditCase>> cases = Calls.require(calls.read(Service.AUDITS, () -> audits.cases(id)));
                for (AuditCase c : cases.body() == null ? List.<AuditCase>of() : cases.body()) {
                    latest.put("Case " + c.caseRef() + " (" + c.agency() + ")", c.grade());
                }
                yield Form.page(result.status(), CASE_VIEW, caseModel(calls, user, audit, posted, errors, latest, null, back));
            }
        };
    }

    private Map<String, Object> caseModel(Calls calls, CurrentUser user, Audit audit, Map<String, Object> input,
                                          FormErrors errors, @Nullable Map<String, Object> latest, @Nullable String unavailable, String back) {
        Reply<List<GradingScale>> scales = Calls.require(calls.read(Service.AUDITS, audits::gradingScales));
        String scaleCode = audit.gradingScale() == null ? "OFSTED" : audit.gradingScale();
        GradingScale scale = (scales.body() == null ? List.<GradingScale>of() : scales.body()).stream()
                .filter(s -> scaleCode.equals(s.code())).findFirst().orElse(null);
        List<Map<String, String>> grades = new ArrayList<>();
        if (scale != null && scale.grades() != null) {
            for (String g : scale.grades()) {
                grades.add(Map.of("code", g, "label", words(g)));
            }
        }
        Map<String, Object> model = common(user, audit, input, errors, latest, unavailable, back);
        model.put("scaleName", scale == null || scale.name() == null ? scaleCode : scale.name());
        model.put("grades", grades);
        List<Map<String, String>> whose = new ArrayList<>();
        if (user.isBoard()) {
            whose.add(Map.of("code", "JOINT", "label", "The joint conclusion of the audit"));
            for (String a : agencies(audit)) {
                whose.add(Map.of("code", a, "label", a + "'s own view"));
            }
        } else {
            whose.add(Map.of("code", user.agencyCode(), "label", "Your agency's view (" + user.agencyCode() + ")"));
            if (user.agencyCode().equals(audit.leadAgency())) {
                whose.add(Map.of("code", "JOINT", "label", "The joint conclusion of the audit (you lead it)"));
            }
        }
        model.put("whose", whose);
        return model;
    }

    // ---- findings ------------------------------------------------------------------------------

    @Get("/findings/new")
    HttpResponse<?> newFinding(@PathVariable long id, @QueryValue @Nullable String returnTo, HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Calls calls = downstream.forRequest(request);
        Audit audit = audit(calls, user, id);
        Map<String, Object> input = new HashMap<>();
        input.put("quadrant", DEFAULT_QUADRANT.getOrDefault(String.valueOf(audit.type()), "QUALITATIVE"));
        input.put("agency", user.isBoard() ? null : user.agencyCode());
        return Form.page(HttpStatus.OK, FINDING_VIEW, findingModel(calls, user, audit, input, List.of(), FormErrors.none(), null,
                back(user, returnTo, id)));
    }

    @Post(value = "/findings/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"AGENCY_CONTRIBUTOR", "AGENCY_LEAD", "BOARD_MANAGER"})
    HttpResponse<?> recordFinding(@PathVariable long id, @Body Map<String, Object> posted, HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Calls calls = downstream.forRequest(request);
        Audit audit = audit(calls, user, id);
        Form form = new Form(posted);
        String back = back(user, form.text("returnTo"), id);
        List<String> themes = form.all("themes");
        AuditsClient.FindingRequest body = new AuditsClient.FindingRequest(form.text("kind"), form.text("text"), themes,
                form.text("quadrant"), form.text("agency"));
        WriteResult<?> result = WriteResult.await(calls.write(Service.AUDITS, () -> audits.recordFinding(id, body)), Service.AUDITS);
        FormErrors errors = new FormErrors(FINDING_FIELDS, "kind");
        return switch (result.kind()) {
            case DONE -> Form.done(back, Notice.FINDING_RECORDED);
            case INVALID, CONFLICT -> Form.page(result.status(), FINDING_VIEW,
                    findingModel(calls, user, audit, posted, themes, errors.addAll(result.reply()), null, back));
            case UNAVAILABLE -> Form.page(result.status(), FINDING_VIEW,
                    findingModel(calls, user, audit, posted, themes, errors, result.unavailableMessage(), back));
        };
    }

    private Map<String, Object> findingModel(Calls calls, CurrentUser user, Audit audit, Map<String, Object> input,
                                             List<String> chosenThemes, FormErrors errors, @Nullable String unavailable, String back) {
        Reply<List<Theme>> vocabulary = Calls.require(calls.read(Service.AUDITS, audits::themes));
        Map<String, Object> model = common(user, audit, input, errors, null, unavailable, back);
        model.put("themes", (vocabulary.body() == null ? List.<Theme>of() : vocabulary.body()).stream().filter(t -> !Boolean.FALSE.equals(t.active()))
                .map(t -> Map.of("code", t.code(), "label", t.label(), "checked", chosenThemes.contains(t.code())))
                .toList());
        model.put("kinds", KINDS);
        model.put("quadrants", QUADRANTS);
        model.put("agencies", agencies(audit));
        return model;
    }

    // ---- shared --------------------------------------------------------------------------------

    /** The audit, if the user's agency takes part in it (the board: any audit). */
    private Audit audit(Calls calls, CurrentUser user, long id) {
        Reply<Audit> reply = Calls.require(calls.read(Service.AUDITS, () -> audits.audit(id)));
        if (!reply.ok() || reply.body() == null) {
            throw AgencyGuard.notFound();
        }
        Audit audit = reply.body();
        if (!user.isBoard() && !agencies(audit).contains(user.agencyCode())) {
            throw AgencyGuard.notFound();
        }
        return audit;
    }

    private static List<String> agencies(Audit audit) {
        List<String> out = new ArrayList<>();
        out.add(String.valueOf(audit.leadAgency()));
        audit.participants().stream().filter(a -> !out.contains(a)).forEach(out::add);
        return out;
    }

    private static String back(CurrentUser user, @Nullable String requested, long id) {
        return ReturnTo.or(requested, user.isBoard() ? "/audits/" + id : "/agency/" + user.agencyCode());
    }

    private static Map<String, Object> common(CurrentUser user, Audit audit, Map<String, Object> input, FormErrors errors,
                                              @Nullable Map<String, Object> latest, @Nullable String unavailable, String back) {
        Map<String, Object> model = new HashMap<>();
        model.put("audit", audit);
        model.put("input", input);
        model.put("errors", errors.list());
        model.put("fieldErrors", errors.byField());
        model.put("latest", latest);
        model.put("unavailable", unavailable);
        model.put("returnTo", back);
        model.put("editable", user.mayWrite());
        return model;
    }

    /** REQUIRES_IMPROVEMENT → "Requires improvement". */
    static String words(String code) {
        String s = code.replace('_', ' ').toLowerCase();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
