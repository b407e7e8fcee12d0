package uk.org.quadrant.audits.findings;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.audits.access.Agencies;
import uk.org.quadrant.audits.access.Caller;
import uk.org.quadrant.audits.changelog.ChangeRecorder;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.Quadrant;
import uk.org.quadrant.audits.problem.InvalidRequestException;
import uk.org.quadrant.audits.problem.Problem.FieldError;
import uk.org.quadrant.audits.reviews.Audit;
import uk.org.quadrant.audits.reviews.AuditAccess;
import uk.org.quadrant.audits.reviews.AuditService;
import uk.org.quadrant.audits.themes.ThemeRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Recording findings against an audit; themes must come from the vocabulary. */
@Singleton
public class FindingService {

    private final FindingRepository findings;
    private final AuditService audits;
    private final ThemeRepository themes;
    private final Agencies agencies;
    private final ChangeRecorder changes;

    FindingService(FindingRepository findings, AuditService audits, ThemeRepository themes, Agencies agencies, ChangeRecorder changes) {
        this.findings = findings;
        this.audits = audits;
        this.themes = themes;
        this.agencies = agencies;
        this.changes = changes;
    }

    public List<FindingView> list(long auditId, Caller caller) {
        audits.require(auditId, caller);
        return findings.inAudit(auditId).stream().map(FindingView::of).toList();
    }

    /** The finding, if the caller may see its audit; otherwise 404. */
    public Finding require(long id, Caller caller) {
        // A finding on an audit the caller cannot see answers exactly like one that does not exist.
        return findings.findById(id)
                .filter(f -> audits.find(f.auditId()).filter(a -> AuditAccess.visible(caller, a)).isPresent())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No finding " + id));
    }

    @Transactional
    public FindingView record(long auditId, FindingRequest request, Caller caller) {
        Audit audit = audits.require(auditId, caller);
        String author = caller.isBoard() ? audit.leadAgency() : caller.agency();
        if (!AuditAccess.mayContribute(caller, audit, author)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "You can only record findings on audits your agency takes part in");
        }
        if (audit.status() == AuditStatus.CLOSED) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "This audit is closed");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        if (request.themes() != null) {
            for (int i = 0; i < request.themes().size(); i++) {
                String code = request.themes().get(i);
                if (code == null || themes.findById(code).filter(t -> t.active() && t.code().equals(code)).isEmpty()) {
                    errors.add(new FieldError("themes[" + i + "]", "'" + code + "' is not a theme of the vocabulary (GET /api/v1/themes)"));
                } else {
                    tags.add(code);
                }
            }
        }
        if (request.agency() != null && !agencies.exists(request.agency())) {
            errors.add(new FieldError("agency", "is not a known agency code"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Quadrant quadrant = request.quadrant() == null ? audit.auditType().defaultQuadrant() : request.quadrant();
        Instant now = Instant.now();
        Finding saved = findings.save(new Finding(null, auditId, request.kind(), request.text().trim(), String.join(",", tags),
                quadrant, request.agency(), null, null, caller.username(), now, caller.username(), now, null));
        FindingView view = FindingView.of(saved);
        changes.record(caller, "finding", saved.id().toString(), "CREATE", null, view);
        return view;
    }
}
