package uk.org.quadrant.audits.findings;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.Quadrant;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem.FieldError;
import uk.org.quadrant.audits.reviews.Audit;
import uk.org.quadrant.audits.reviews.AuditAccess;
import uk.org.quadrant.audits.reviews.AuditService;
import uk.org.quadrant.audits.vocabulary.ThemeRepository;

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

    /** The request's themes, all from the vocabulary, and a known agency; otherwise a 400 naming each. */
    private Set<String> checkedThemes(FindingRequest request) {
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
        return tags;
    }

    /**
     * The agency a finding concerns is the lead agency of the action its recommendation becomes and
     * files it under that agency in the theme analysis: an agency's users name only an agency that
     * takes part in the audit (on its own single-agency work, itself); the board manager any agency.
     */
    private static void checkConcerns(FindingRequest request, Audit audit, Caller caller) {
        if (request.agency() != null && !caller.isManager() && !audit.involves(request.agency())) {
            throw new InvalidRequestException(HttpStatus.FORBIDDEN, "agency",
                    "must be an agency that takes part in this audit; only the board manager files a finding under another agency");
        }
    }

    /** The lead agency or the board manager corrects a finding (version required; 409 when stale). */
    @Transactional
    public FindingView update(long id, FindingRequest request, Long version, Caller caller) {
        Finding current = require(id, caller);
        Audit audit = audits.require(current.auditId(), caller);
        if (!AuditAccess.mayManage(caller, audit)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the audit's lead agency or the board manager corrects its findings");
        }
        if (version == null) {
            throw new InvalidRequestException("version", "is required to change a finding (it is " + current.version() + ")");
        }
        if (!version.equals(current.version())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Someone else changed this finding (now version " + current.version()
                    + "); reload it and try again");
        }
        Set<String> tags = checkedThemes(request);
        if (!java.util.Objects.equals(request.agency(), current.agency())) {
            checkConcerns(request, audit, caller);
        }
        Finding updated = findings.update(new Finding(id, current.auditId(), request.kind(), request.text().trim(), String.join(",", tags),
                request.quadrant() == null ? current.quadrant() : request.quadrant(), request.agency(), current.actionRef(),
                current.actionStatus(), current.createdBy(), current.createdAt(), caller.username(), Instant.now(), current.version()));
        changes.record(caller, "finding", Long.toString(id), "UPDATE", FindingView.of(current), FindingView.of(updated));
        return FindingView.of(updated);
    }

    /** Withdraws a finding recorded in error; one already sent to actions-service stays (its action exists). */
    @Transactional
    public void delete(long id, Caller caller) {
        Finding current = require(id, caller);
        Audit audit = audits.require(current.auditId(), caller);
        if (!AuditAccess.mayManage(caller, audit)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the audit's lead agency or the board manager withdraws its findings");
        }
        if (current.actionRef() != null) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "This recommendation is already action " + current.actionRef()
                    + " in actions-service; close the action there instead");
        }
        findings.delete(current);
        changes.record(caller, "finding", Long.toString(id), "DELETE", FindingView.of(current), null);
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
        Set<String> tags = checkedThemes(request);
        checkConcerns(request, audit, caller);
        Quadrant quadrant = request.quadrant() == null ? audit.auditType().defaultQuadrant() : request.quadrant();
        Instant now = Instant.now();
        Finding saved = findings.save(new Finding(null, auditId, request.kind(), request.text().trim(), String.join(",", tags),
                quadrant, request.agency(), null, null, caller.username(), now, caller.username(), now, null));
        FindingView view = FindingView.of(saved);
        changes.record(caller, "finding", saved.id().toString(), "CREATE", null, view);
        return view;
    }
}
