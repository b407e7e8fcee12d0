package uk.org.quadrant.audits.cases;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.audits.changelog.DataVersion;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.CaseReferenceGuard;
import uk.org.quadrant.audits.domain.GradeDomain;
import uk.org.quadrant.audits.domain.GradeSummary;
import uk.org.quadrant.audits.domain.GradingScale;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem.FieldError;
import uk.org.quadrant.audits.reviews.Audit;
import uk.org.quadrant.audits.reviews.AuditAccess;
import uk.org.quadrant.audits.reviews.AuditService;
import uk.org.quadrant.audits.reviews.AuditView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recording graded cases and summarising them. A case's conclusion is its joint conclusion where
 * one is recorded, otherwise the lead agency's view, otherwise the worst of the agencies' views.
 */
@Singleton
public class CaseService {

    private final AuditCaseRepository cases;
    private final AuditService audits;
    private final ChangeRecorder changes;
    private final ObjectMapper json;
    private final DataVersion dataVersion;

    private record AcrossKey(String sees, java.time.LocalDate from, java.time.LocalDate to) {
    }

    CaseService(AuditCaseRepository cases, AuditService audits, ChangeRecorder changes, ObjectMapper json, DataVersion dataVersion) {
        this.dataVersion = dataVersion;
        this.cases = cases;
        this.audits = audits;
        this.changes = changes;
        this.json = json;
    }

    public List<CaseView> list(long auditId, Caller caller) {
        audits.require(auditId, caller);
        return cases.inAudit(auditId).stream().map(this::view).toList();
    }

    @Transactional
    public CaseView record(long auditId, CaseRequest request, Caller caller) {
        Audit audit = audits.require(auditId, caller);
        String agency = request.agency() == null || request.agency().isBlank()
                ? (caller.isBoard() ? AuditCase.JOINT : caller.agency()) : request.agency();
        boolean joint = AuditCase.JOINT.equals(agency);
        boolean allowed = joint ? AuditAccess.mayManage(caller, audit) : AuditAccess.mayContribute(caller, audit, agency);
        if (!allowed) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, joint
                    ? "Only the lead agency or the board manager records the joint conclusion"
                    : "You can only record your own agency's view, on an audit it takes part in");
        }
        if (audit.status() == AuditStatus.CLOSED) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "This audit is closed");
        }
        GradingScale scale = audits.scaleOf(audit);
        List<FieldError> errors = new ArrayList<>();
        if (!audit.auditType().gradesCases()) {
            errors.add(new FieldError("grade", "a " + audit.auditType().name().toLowerCase().replace('_', ' ') + " does not grade cases"));
        } else if (!scale.has(request.grade())) {
            errors.add(new FieldError("grade", "must be one of " + String.join(", ", scale.grades()) + " (the " + scale.name() + " scale)"));
        }
        CaseReferenceGuard.problem(request.caseRef()).ifPresent(p -> errors.add(new FieldError("caseRef", p)));
        Map<String, String> domains = new TreeMap<>();
        if (request.domainGrades() != null) {
            request.domainGrades().forEach((key, grade) -> {
                var domain = GradeDomain.parse(key);
                if (domain.isEmpty()) {
                    errors.add(new FieldError("domainGrades." + key, "is not a graded domain (e.g. recognitionOfRisk, assessment, "
                            + "planning, jointWorking, voiceOfTheChild, impact, overallQuality)"));
                } else if (!scale.has(grade)) {
                    errors.add(new FieldError("domainGrades." + key, "must be one of " + String.join(", ", scale.grades())));
                } else if (domains.putIfAbsent(domain.get().name(), grade) != null) {
                    errors.add(new FieldError("domainGrades." + key, "grades " + domain.get().name() + " a second time"));
                }
            });
        }
        if (!joint && !audit.involves(agency)) {
            errors.add(new FieldError("agency", "does not take part in this audit"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (cases.existsByAuditIdAndCaseRefAndAgency(auditId, request.caseRef(), agency)) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Case " + request.caseRef() + " already has "
                    + (joint ? "a joint conclusion" : agency + "'s view") + " in this audit");
        }
        AuditCase saved = cases.save(new AuditCase(null, auditId, request.caseRef(), agency, request.grade(), write(domains),
                request.summary(), caller.username(), Instant.now(), null));
        CaseView view = view(saved);
        changes.record(caller, "case", saved.id().toString(), "CREATE", null, forLog(view));
        return view;
    }

    /** Regrades a case view (same rules as recording it; version required, 409 when stale). */
    @Transactional
    public CaseView regrade(long auditId, long caseId, CaseRequest request, Long version, Caller caller) {
        Audit audit = audits.require(auditId, caller);
        AuditCase current = cases.findById(caseId).filter(c -> c.auditId() == auditId)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No case " + caseId + " in audit " + auditId));
        boolean allowed = AuditCase.JOINT.equals(current.agency()) ? AuditAccess.mayManage(caller, audit)
                : AuditAccess.mayContribute(caller, audit, current.agency());
        if (!allowed) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "You can only regrade your own agency's view");
        }
        if (audit.status() == AuditStatus.CLOSED) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "This audit is closed");
        }
        if (version == null) {
            throw new InvalidRequestException("version", "is required to regrade a case (it is " + current.version() + ")");
        }
        if (!version.equals(current.version())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Someone else changed this case (now version " + current.version() + ")");
        }
        GradingScale scale = audits.scaleOf(audit);
        List<FieldError> errors = new ArrayList<>();
        if (!scale.has(request.grade())) {
            errors.add(new FieldError("grade", "must be one of " + String.join(", ", scale.grades()) + " (the " + scale.name() + " scale)"));
        }
        if (!request.caseRef().equals(current.caseRef())) {
            errors.add(new FieldError("caseRef", "cannot change; withdraw the case and record it again"));
        }
        // Whose view it is cannot change either: another agency here was once accepted and silently ignored.
        if (request.agency() != null && !request.agency().isBlank() && !request.agency().equals(current.agency())) {
            errors.add(new FieldError("agency", "cannot change; withdraw the case and record it again"));
        }
        Map<String, String> domains = new TreeMap<>();
        if (request.domainGrades() != null) {
            request.domainGrades().forEach((key, grade) -> {
                var domain = GradeDomain.parse(key);
                if (domain.isEmpty() || !scale.has(grade) || domains.putIfAbsent(domain.get().name(), grade) != null) {
                    errors.add(new FieldError("domainGrades." + key, "must be a graded domain, once, with a grade of the "
                            + scale.name() + " scale"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        AuditCase updated = cases.update(new AuditCase(caseId, auditId, current.caseRef(), current.agency(), request.grade(),
                write(domains), request.summary(), caller.username(), Instant.now(), current.version()));
        changes.record(caller, "case", Long.toString(caseId), "UPDATE", forLog(view(current)), forLog(view(updated)));
        return view(updated);
    }

    /** Withdraws a case view recorded in error: by the agency whose view it is, the lead (joint) or the manager. */
    @Transactional
    public void delete(long auditId, long caseId, Caller caller) {
        Audit audit = audits.require(auditId, caller);
        AuditCase current = cases.findById(caseId).filter(c -> c.auditId() == auditId)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No case " + caseId + " in audit " + auditId));
        boolean allowed = AuditCase.JOINT.equals(current.agency()) ? AuditAccess.mayManage(caller, audit)
                : AuditAccess.mayContribute(caller, audit, current.agency());
        if (!allowed) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "You can only withdraw your own agency's view");
        }
        if (audit.status() == AuditStatus.CLOSED) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "This audit is closed");
        }
        cases.delete(current);
        changes.record(caller, "case", Long.toString(caseId), "DELETE", forLog(view(current)), null);
    }

    public GradesView grades(long auditId, Caller caller) {
        Audit audit = audits.require(auditId, caller);
        GradingScale scale = audits.scaleOf(audit);
        List<String> conclusions = conclusions(audit, scale, cases.inAudit(auditId));
        GradeSummary summary = GradeSummary.of(scale, conclusions, audit.complianceThresholdPercent());
        return new GradesView(auditId, scale.code(), summary.distribution(), summary.cases(), summary.compliancePercent(),
                AuditView.plain(audit.complianceThresholdPercent()),
                summary.complianceMet(), scale.standard());
    }

    /**
     * Across audits: the case conclusions of every case audit the caller may see whose reporting
     * period overlaps [from, to], summarised per grading scale.
     */
    public List<AcrossAuditsGrades> acrossAudits(Caller caller, java.time.LocalDate from, java.time.LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        // Every case of the period is read: cached per data version (docs/performance.md).
        return dataVersion.cached(new AcrossKey(caller.isBoard() ? "*board*" : caller.agency(), from, to),
                () -> computeAcrossAudits(caller, from, to));
    }

    private List<AcrossAuditsGrades> computeAcrossAudits(Caller caller, java.time.LocalDate from, java.time.LocalDate to) {
        // Three queries whatever the number of audits (the audits, the scales, the cases of the period),
        // not two per audit as before: docs/performance.md "Theme analysis and grades across audits".
        List<Audit> graded = audits.visibleOverlapping(caller, from, to).stream().filter(a -> a.auditType().gradesCases()).toList();
        Map<String, GradingScale> scaleByCode = graded.isEmpty() ? Map.of() : audits.scalesByCode();
        Map<Long, List<AuditCase>> casesByAudit = new java.util.HashMap<>();
        graded.forEach(a -> casesByAudit.put(a.id(), new ArrayList<>()));
        if (!graded.isEmpty()) {
            // Visibility in the query too: an agency reads only its own audits' cases.
            cases.visibleInAuditsOverlapping(AuditService.orEarliest(from), AuditService.orLatest(to), caller.isBoard(),
                    caller.agency()).forEach(c -> {
                List<AuditCase> list = casesByAudit.get(c.auditId());
                if (list != null) {   // an audit the caller may see
                    list.add(c);
                }
            });
        }
        Map<String, List<String>> byScale = new TreeMap<>();
        Map<String, List<Long>> auditsByScale = new TreeMap<>();
        Map<String, GradingScale> scales = new TreeMap<>();
        for (Audit audit : graded) {
            GradingScale scale = AuditService.scaleOf(audit, scaleByCode);
            List<String> conclusions = conclusions(audit, scale, casesByAudit.getOrDefault(audit.id(), List.of()));
            if (conclusions.isEmpty()) {
                continue;
            }
            scales.put(scale.code(), scale);
            byScale.computeIfAbsent(scale.code(), k -> new ArrayList<>()).addAll(conclusions);
            auditsByScale.computeIfAbsent(scale.code(), k -> new ArrayList<>()).add(audit.id());
        }
        List<AcrossAuditsGrades> out = new ArrayList<>();
        byScale.forEach((code, grades) -> {
            GradeSummary summary = GradeSummary.of(scales.get(code), grades, null);
            out.add(new AcrossAuditsGrades(code, auditsByScale.get(code).size(), summary.cases(), summary.distribution(),
                    summary.compliancePercent(), scales.get(code).standard(), auditsByScale.get(code)));
        });
        return out;
    }

    /** One grade per case: joint conclusion, else the lead agency's view, else the worst view. */
    static List<String> conclusions(Audit audit, GradingScale scale, List<AuditCase> rows) {
        Map<String, List<AuditCase>> byCase = new LinkedHashMap<>();
        rows.forEach(c -> byCase.computeIfAbsent(c.caseRef(), k -> new ArrayList<>()).add(c));
        List<String> out = new ArrayList<>(byCase.size());
        for (List<AuditCase> views : byCase.values()) {
            String grade = views.stream().filter(v -> AuditCase.JOINT.equals(v.agency())).map(AuditCase::grade).findFirst()
                    .or(() -> views.stream().filter(v -> v.agency().equals(audit.leadAgency())).map(AuditCase::grade).findFirst())
                    .orElseGet(() -> views.stream().map(AuditCase::grade).filter(scale::has).reduce(scale::worse).orElse(views.get(0).grade()));
            out.add(grade);
        }
        return out;
    }

    /**
     * A case as the change log keeps it: grades and who, never the case summary's words (the audit
     * trail names the record, not its sensitive payload); only whether there was one and its length.
     */
    static CaseView forLog(CaseView v) {
        String summary = v.summary() == null ? null : "[summary withheld: " + v.summary().length() + " characters]";
        return new CaseView(v.id(), v.auditId(), v.caseRef(), v.agency(), v.grade(), v.domainGrades(), summary,
                v.recordedBy(), v.recordedAt(), v.version());
    }

    private CaseView view(AuditCase c) {
        return new CaseView(c.id(), c.auditId(), c.caseRef(), c.agency(), c.grade(), read(c.domainGrades()), c.summary(),
                c.recordedBy(), c.recordedAt(), c.version());
    }

    private String write(Map<String, String> domains) {
        try {
            return domains.isEmpty() ? null : json.writeValueAsString(domains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
