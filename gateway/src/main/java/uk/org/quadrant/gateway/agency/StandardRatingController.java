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
import uk.org.quadrant.gateway.clients.audits.Assessment;
import uk.org.quadrant.gateway.clients.audits.AuditsClient;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.FormErrors.Field;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.periods.Periods;
import uk.org.quadrant.gateway.web.forms.ReturnTo;
import uk.org.quadrant.gateway.web.forms.WriteResult;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agency rates itself against one Section 11 standard (red, amber or green, always with the word)
 * and gives its evidence. Sent to audits-service with the rating's version, so a colleague's rating
 * made meanwhile is a conflict rather than silently overwritten.
 */
@Controller(value = "/self-assessment/{assessmentId}/standards/{code}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class StandardRatingController {

    static final String VIEW = "agency/standard-rating";
    private static final Map<String, Field> FIELDS = Map.of(
            "rag", new Field("rag", "Rating"),
            "evidence", new Field("evidence", "Evidence"));
    private static final List<Map<String, String>> RATINGS = List.of(
            Map.of("code", "GREEN", "label", "Green – the standard is met", "tag", "govuk-tag govuk-tag--green"),
            Map.of("code", "AMBER", "label", "Amber – partly met, with work under way", "tag", "govuk-tag govuk-tag--yellow"),
            Map.of("code", "RED", "label", "Red – not met", "tag", "govuk-tag govuk-tag--red"));

    private final Downstream downstream;
    private final AuditsClient audits;

    StandardRatingController(Downstream downstream, AuditsClient audits) {
        this.downstream = downstream;
        this.audits = audits;
    }

    record Found(Assessment assessment, Assessment.Row standard) {
    }

    @Get
    HttpResponse<?> show(@PathVariable long assessmentId, @PathVariable String code, @QueryValue @Nullable String returnTo,
                         HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Found found = find(downstream.forRequest(request), user, assessmentId, code);
        Map<String, Object> input = new HashMap<>();
        input.put("rag", found.standard().rag());
        input.put("evidence", found.standard().evidence());
        input.put("version", found.standard().version());
        return Form.page(HttpStatus.OK, VIEW, model(user, found, input, FormErrors.none(), null, null,
                ReturnTo.or(returnTo, "/agency/" + found.assessment().agency())));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"AGENCY_CONTRIBUTOR", "AGENCY_LEAD", "BOARD_MANAGER"})
    HttpResponse<?> rate(@PathVariable long assessmentId, @PathVariable String code, @Body Map<String, Object> posted,
                         HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Calls calls = downstream.forRequest(request);
        Found found = find(calls, user, assessmentId, code);
        Form form = new Form(posted);
        String back = ReturnTo.or(form.text("returnTo"), "/agency/" + found.assessment().agency());
        FormErrors errors = new FormErrors(FIELDS, "rag");
        AuditsClient.Rating body = new AuditsClient.Rating(form.text("rag"), form.text("evidence"), form.version());
        WriteResult<?> result = WriteResult.await(calls.write(Service.AUDITS, () -> audits.rate(assessmentId, code, body)), Service.AUDITS);
        return switch (result.kind()) {
            case DONE -> Form.done(back, Notice.STANDARD_RATED);
            case INVALID -> Form.page(result.status(), VIEW, model(user, found, posted, errors.addAll(result.reply()), null, null, back));
            case UNAVAILABLE -> Form.page(result.status(), VIEW, model(user, found, posted, errors, null, result.unavailableMessage(), back));
            case CONFLICT -> {
                Found now = find(calls, user, assessmentId, code);
                Map<String, Object> input = new HashMap<>(posted);
                input.put("version", now.standard().version());
                Map<String, Object> latest = new LinkedHashMap<>();
                latest.put("Rating", now.standard().rag() == null ? "Not rated" : now.standard().rag());
                latest.put("Evidence", now.standard().evidence() == null ? "None" : now.standard().evidence());
                latest.put("Last changed by", now.standard().updatedBy());
                yield Form.page(result.status(), VIEW, model(user, now, input, errors, latest, null, back));
            }
        };
    }

    /** The assessment and its row for the standard; another agency's assessment is "not found". */
    private Found find(Calls calls, CurrentUser user, long assessmentId, String code) {
        Reply<Assessment> reply = Calls.require(calls.read(Service.AUDITS, () -> audits.assessment(assessmentId)));
        if (!reply.ok() || reply.body() == null) {
            throw AgencyGuard.notFound();
        }
        Assessment assessment = reply.body();
        if (!user.mayViewAgency(String.valueOf(assessment.agency()))) {
            throw AgencyGuard.notFound();
        }
        for (Assessment.Row row : assessment.standards() == null ? List.<Assessment.Row>of() : assessment.standards()) {
            if (code.equals(row.code())) {
                return new Found(assessment, row);
            }
        }
        throw AgencyGuard.notFound();
    }

    private static Map<String, Object> model(CurrentUser user, Found found, Map<String, Object> input, FormErrors errors,
                                             @Nullable Map<String, Object> latest, @Nullable String unavailable, String back) {
        Map<String, Object> model = new HashMap<>();
        model.put("assessment", found.assessment());
        model.put("cycleLabel", Periods.label(String.valueOf(found.assessment().cycle())));
        model.put("standard", found.standard());
        model.put("ratings", RATINGS);
        model.put("input", input);
        model.put("errors", errors.list());
        model.put("fieldErrors", errors.byField());
        model.put("latest", latest);
        model.put("unavailable", unavailable);
        model.put("returnTo", back);
        model.put("editable", user.mayWrite());
        return model;
    }
}
