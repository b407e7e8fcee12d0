package uk.org.quadrant.actions.audits;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.actions.audits.AuditsClient.VouchedRecommendation;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Before a recommendation becomes an action, audits-service is asked for it (with the caller's own
 * token), and the request must be what audits-service states, field by field: actions-service does
 * not take the caller's word for which finding it may act on, which plan the action joins, who leads
 * it or what it says. The
 * only source references accepted are audits-service's findings ({@code audits:finding:<id>}); a
 * request naming any other namespace is refused before anything is asked or written.
 */
@Singleton
public class RecommendationCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationCheck.class);
    private static final Pattern FINDING = Pattern.compile("audits:finding:([1-9][0-9]{0,17})");
    private static final Pattern AUDIT_PLAN = Pattern.compile("audits:audit:[1-9][0-9]{0,17}");

    private final AuditsClient audits;
    private final Agencies agencies;

    RecommendationCheck(AuditsClient audits, Agencies agencies) {
        this.audits = audits;
        this.agencies = agencies;
    }

    /**
     * The recommendation as audits-service states it, once the request matches it: 400 naming the field
     * (a source reference that is not an audits-service finding, or a plan, lead agency or text other than
     * the one stated), 403 when the caller may not send it, 503 when audits-service cannot say.
     */
    public VouchedRecommendation vouched(RecommendationRequest r, Caller caller, String authorization) {
        Matcher finding = FINDING.matcher(r.sourceRef());
        if (!finding.matches()) {
            throw new InvalidRequestException("sourceRef", "must be an audits-service finding, audits:finding:<id>"
                    + " (no other source can be turned into an action here)");
        }
        if (!agencies.exists(r.leadAgency())) {
            throw new InvalidRequestException("leadAgency", "is not a known agency code");
        }
        if (!caller.isManager() && !caller.mayWriteFor(r.leadAgency())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the board manager or the agency that will lead it can adopt this recommendation");
        }
        long id = Long.parseLong(finding.group(1));
        VouchedRecommendation stated = ask(id, authorization);
        if (stated == null || !r.sourceRef().equals(stated.sourceRef()) || !"AUDIT".equals(stated.planSourceType())
                || stated.planSourceRef() == null || !AUDIT_PLAN.matcher(stated.planSourceRef()).matches()
                || !agencies.exists(stated.leadAgency()) || isBlank(stated.planTitle()) || isBlank(stated.issue())
                || isBlank(stated.action())) {
            LOG.warn("audits-service's answer for finding {} is not a recommendation this service can use", id);
            throw unavailable();
        }
        List<FieldError> errors = new ArrayList<>();
        if (!stated.planSourceType().equals(r.planSourceType().name())) {
            errors.add(new FieldError("planSourceType", "must be " + stated.planSourceType()
                    + ": the action joins the plan of the audit the finding belongs to"));
        }
        if (!stated.planSourceRef().equals(r.planSourceRef())) {
            errors.add(new FieldError("planSourceRef", "must be " + stated.planSourceRef()
                    + ": the action joins the plan of the audit the finding belongs to"));
        }
        if (!stated.leadAgency().equals(r.leadAgency())) {
            errors.add(new FieldError("leadAgency", "must be " + stated.leadAgency() + ", the lead audits-service states"));
        }
        // The text too is audits-service's: a body that says something else is not the recommendation sent.
        sameText(errors, "planTitle", stated.planTitle(), r.planTitle());
        sameText(errors, "issue", stated.issue(), r.issue());
        sameText(errors, "action", stated.action(), r.action());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return stated;
    }

    private VouchedRecommendation ask(long findingId, String authorization) {
        int status;
        VouchedRecommendation body;
        try {
            // A declarative client returning HttpResponse may hand back an error status rather than throw.
            HttpResponse<VouchedRecommendation> response = audits.recommendation(authorization, findingId);
            status = response.code();
            body = status == 200 ? response.body() : null;
        } catch (HttpClientResponseException e) {
            status = e.getResponse().code();
            body = null;
        } catch (HttpClientException | CodecException e) {
            LOG.warn("audits-service unavailable to state finding {}: {}", findingId, e.getMessage());
            throw unavailable();
        }
        if (status == 200) {
            return body;
        }
        if (status == HttpStatus.NOT_FOUND.getCode()) {
            throw new InvalidRequestException("sourceRef", "audits-service has no finding " + findingId + " that you can see");
        }
        if (status == HttpStatus.FORBIDDEN.getCode()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "audits-service says finding " + findingId
                    + " is not yours to send: only its audit's lead agency or the board manager can");
        }
        if (status == HttpStatus.CONFLICT.getCode()) {
            throw new InvalidRequestException("sourceRef", "finding " + findingId + " is not a recommendation");
        }
        LOG.warn("audits-service answered {} when asked for finding {}", status, findingId);
        throw unavailable();
    }

    private static void sameText(List<FieldError> errors, String field, String stated, String sent) {
        if (!stated.equals(sent)) {
            errors.add(new FieldError(field, "is not the text audits-service states for this recommendation"));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static HttpStatusException unavailable() {
        return new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "audits-service cannot be asked for the recommendation; nothing was written. Try again shortly.");
    }
}
