package uk.org.quadrant.audits.cases;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.audits.access.Caller;
import uk.org.quadrant.audits.changelog.ChangeRecorder;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.CaseReferenceGuard;
import uk.org.quadrant.audits.domain.GradeDomain;
import uk.org.quadrant.audits.domain.GradeSummary;
import uk.org.quadrant.audits.domain.GradingScale;
import uk.org.quadrant.audits.problem.InvalidRequestException;
import uk.org.quadrant.audits.problem.Problem.FieldError;
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

    CaseService(AuditCaseRepository cases, AuditService audits, ChangeRecorder changes, ObjectMapper json) {
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
        changes.record(caller, "case", saved.id().toString(), "CREATE", null, view);
        return view;
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
