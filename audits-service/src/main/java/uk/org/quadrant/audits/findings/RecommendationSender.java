package uk.org.quadrant.audits.findings;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.audits.domain.FindingKind;
import uk.org.quadrant.audits.reviews.Audit;
import uk.org.quadrant.audits.reviews.AuditAccess;
import uk.org.quadrant.audits.reviews.AuditService;

import java.time.Instant;

/**
 * Sends a recommendation to actions-service to become a tracked action. Idempotent twice over:
 * actions-service keys the action on {@code audits:finding:<id>}, and the finding remembers the
 * action it became. Not inside a database transaction: the remote call is not held open on a
 * connection, and a failure after actions-service answered is repaired by sending again.
 */
@Singleton
public class RecommendationSender {

    private final FindingRepository findings;
    private final FindingService findingService;
    private final AuditService audits;
    private final ActionsClient actions;

    RecommendationSender(FindingRepository findings, FindingService findingService, AuditService audits, ActionsClient actions) {
        this.findings = findings;
        this.findingService = findingService;
        this.audits = audits;
        this.actions = actions;
    }

    /**
     * The recommendation finding {@code findingId} makes, if the caller may send it: 404 when the caller
     * cannot see the finding (as for one that does not exist), 403 when it may see but not manage the
     * audit, 409 when the finding is not a recommendation.
     */
    public Recommendation canonical(long findingId, Caller caller) {
        Finding finding = findingService.require(findingId, caller);
        Audit audit = audits.require(finding.auditId(), caller);
        if (!AuditAccess.mayManage(caller, audit)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the audit's lead agency or the board manager can send its recommendations");
        }
        if (finding.kind() != FindingKind.RECOMMENDATION) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Only a recommendation can become an action (this finding is a "
                    + finding.kind() + ")");
        }
        String lead = finding.agency() != null ? finding.agency() : audit.leadAgency();
        return new Recommendation(finding.id(), "audits:finding:" + finding.id(), "AUDIT", "audits:audit:" + audit.id(),
                "Recommendations of " + audit.title(), "Recommendation of " + audit.title(), finding.findingText(), lead);
    }

    public SentAction send(long findingId, String authorization, Caller caller) {
        Recommendation r = canonical(findingId, caller);
        // actions-service asks GET /api/v1/findings/{id}/recommendation (with the same token) before it writes.
        ActionsClient.Recommendation body = new ActionsClient.Recommendation(r.sourceRef(), r.planSourceType(), r.planSourceRef(),
                r.planTitle(), r.issue(), r.action(), r.leadAgency(), null, null, null);
        HttpResponse<ActionsClient.CreatedAction> response;
        try {
            response = actions.fromRecommendation(authorization, body);
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.FORBIDDEN || e.getStatus() == HttpStatus.BAD_REQUEST) {
                throw new HttpStatusException(e.getStatus(), "actions-service refused the action: "
                        + e.getResponse().getBody(String.class).orElse(e.getStatus().getReason()));
            }
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "actions-service answered " + e.getStatus().getCode()
                    + "; the recommendation was not sent. Try again later.");
        } catch (HttpClientException e) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "actions-service is not answering; the recommendation was not sent. Try again later.");
        }
        ActionsClient.CreatedAction created = response.body();
        if (created == null) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "actions-service gave no action back");
        }
        Finding current = findings.findById(findingId).orElseThrow();
        findings.update(new Finding(current.id(), current.auditId(), current.kind(), current.findingText(), current.themes(),
                current.quadrant(), current.agency(), Long.toString(created.id()), created.status(), current.createdBy(),
                current.createdAt(), caller.username(), Instant.now(), current.version()));
        return new SentAction(findingId, created.id(), Long.toString(created.id()), created.status(), created.delivery(),
                response.getStatus() == HttpStatus.CREATED);
    }
}
