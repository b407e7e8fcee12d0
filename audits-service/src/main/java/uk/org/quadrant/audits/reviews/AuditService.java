package uk.org.quadrant.audits.reviews;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.AuditType;
import uk.org.quadrant.audits.domain.GradingScale;
import uk.org.quadrant.common.paging.Paging;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Setting up, changing and finding audits, with the access rules of {@link AuditAccess}. */
@Singleton
public class AuditService {

    /** What an agency may set up for itself; everything else is commissioned by the board manager. */
    static final Set<AuditType> AGENCY_TYPES = EnumSet.of(AuditType.SINGLE_AGENCY_AUDIT, AuditType.SECTION_11_SELF_ASSESSMENT,
            AuditType.PRACTITIONER_EVENT_OR_SURVEY, AuditType.CHILDREN_AND_FAMILIES_ENGAGEMENT, AuditType.COMPLAINTS_SUMMARY);

    private final AuditRepository audits;
    private final GradingScaleRepository scales;
    private final Agencies agencies;
    private final ChangeRecorder changes;

    AuditService(AuditRepository audits, GradingScaleRepository scales, Agencies agencies, ChangeRecorder changes) {
        this.audits = audits;
        this.scales = scales;
        this.agencies = agencies;
        this.changes = changes;
    }

    /** Every audit the caller may see, newest reporting period first (visibility applied in SQL). */
    public List<Audit> visible(Caller caller) {
        return audits.visibleNewestFirst(caller.isBoard(), caller.agency());
    }

    /**
     * The {@code limit} audits the caller may see that were changed last, optionally only those
     * {@code involving} leads or takes part in and those whose reporting period overlaps [from, to]:
     * the board's "recent audits", read with a {@code LIMIT} instead of the whole list.
     */
    public List<Audit> recentlyChanged(Caller caller, @io.micronaut.core.annotation.Nullable String involving,
                                       @io.micronaut.core.annotation.Nullable java.time.LocalDate from,
                                       @io.micronaut.core.annotation.Nullable java.time.LocalDate to, int limit) {
        if (involving != null && !agencies.exists(involving)) {
            throw new InvalidRequestException("agency", "is not a known agency code");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "is after to");
        }
        java.time.LocalDate start = orEarliest(from);
        java.time.LocalDate end = orLatest(to);
        return involving == null
                ? audits.visibleRecentlyChanged(start, end, caller.isBoard(), caller.agency(), limit)
                : audits.visibleRecentlyChangedInvolving(start, end, caller.isBoard(), caller.agency(), involving, limit);
    }

    /** One page of {@link #visible} and the length of the whole list, read in one transaction. */
    public record Page(List<Audit> audits, long total) {
    }

    /**
     * One page of {@link #visible}: {@code LIMIT/OFFSET} and a {@code COUNT} in SQL, so a page costs
     * the page (and a count), not every audit (docs/performance.md, "Reads at region size").
     */
    @Transactional(readOnly = true)
    public Page visiblePage(Caller caller, Paging paging) {
        long skip = (long) paging.page() * paging.size();
        long total = audits.countVisible(caller.isBoard(), caller.agency());
        List<Audit> page = skip >= total ? List.of()
                : audits.visiblePageNewestFirst(caller.isBoard(), caller.agency(), paging.size(), skip);
        return new Page(page, total);
    }

    /** The audit if the caller may see it; otherwise the same 404 as for an audit that does not exist. */
    public Audit require(long id, Caller caller) {
        return audits.findById(id).filter(a -> AuditAccess.visible(caller, a))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No audit " + id));
    }

    /** Audits the caller may see whose reporting period overlaps [from, to] (open ends: all). */
    public List<Audit> visibleOverlapping(Caller caller, java.time.LocalDate from, java.time.LocalDate to) {
        return audits.visibleOverlapping(orEarliest(from), orLatest(to), caller.isBoard(), caller.agency());
    }

    /** An open start of a period: earlier than any audit. */
    public static java.time.LocalDate orEarliest(java.time.LocalDate from) {
        return from == null ? java.time.LocalDate.of(1900, 1, 1) : from;
    }

    /** An open end of a period: later than any audit. */
    public static java.time.LocalDate orLatest(java.time.LocalDate to) {
        return to == null ? java.time.LocalDate.of(2999, 12, 31) : to;
    }

    public java.util.Optional<Audit> find(long id) {
        return audits.findById(id);
    }

    /** Every grading scale by code, read once (for summaries across many audits). */
    public java.util.Map<String, GradingScale> scalesByCode() {
        java.util.Map<String, GradingScale> out = new java.util.HashMap<>();
        scales.findAll().forEach(r -> out.put(r.code(), r.scale()));
        return out;
    }

    /** An audit's scale from {@link #scalesByCode()} (Ofsted when none is set or it is unknown, as {@link #scaleOf}). */
    public static GradingScale scaleOf(Audit audit, java.util.Map<String, GradingScale> byCode) {
        return byCode.getOrDefault(audit.gradingScale() == null ? "OFSTED" : audit.gradingScale(), GradingScale.OFSTED);
    }

    public GradingScale scaleOf(Audit audit) {
        return scales.findById(audit.gradingScale() == null ? "OFSTED" : audit.gradingScale())
                .map(GradingScaleRecord::scale).orElse(GradingScale.OFSTED);
    }

    @Transactional
    public Audit create(AuditRequest request, Caller caller) {
        if (!caller.isManager() && !(caller.mayWriteFor(request.leadAgency()) && AGENCY_TYPES.contains(request.type()))) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, caller.isBoard() || !caller.mayWriteFor(request.leadAgency())
                    ? "You cannot set up audits for this agency"
                    : "Only the board manager sets up " + request.type().name().toLowerCase().replace('_', ' ') + "s");
        }
        String scale = checked(request);
        checkOwnWork(request, caller, Set.of());
        Audit created = audits.save(new Audit(null, request.type(), request.title().trim(), request.leadAgency(),
                participants(request), request.periodStart(), request.periodEnd(), request.plannedStart(), request.plannedEnd(),
                request.actualStart(), request.actualEnd(), request.status() == null ? AuditStatus.PLANNED : request.status(),
                request.scope(), request.summary(), scale, request.complianceThresholdPercent(), caller.username(),
                caller.username(), Instant.now(), null));
        changes.record(caller, "audit", created.id().toString(), "CREATE", null, AuditView.of(created));
        return created;
    }

    @Transactional
    public Audit update(long id, AuditRequest request, Caller caller) {
        Audit current = require(id, caller);
        if (!AuditAccess.mayManage(caller, current)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the lead agency or the board manager can change this audit");
        }
        if (!current.leadAgency().equals(request.leadAgency()) && !caller.isManager()) {
            throw new InvalidRequestException("leadAgency", "only the board manager can move an audit to another lead agency");
        }
        if (request.type() != current.auditType() && !caller.isManager()) {
            throw new InvalidRequestException("type", "only the board manager can change an audit's type");
        }
        if (request.version() == null) {
            throw new InvalidRequestException("version", "is required to change an audit (it is " + current.version() + ")");
        }
        if (!Objects.equals(request.version(), current.version())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Someone else changed this audit (now version " + current.version()
                    + "); reload it and try again");
        }
        if (!caller.isManager() && !AGENCY_TYPES.contains(current.auditType())
                && (!java.util.Objects.equals(scaleCode(request), current.gradingScale())
                || !sameNumber(request.complianceThresholdPercent(), current.complianceThresholdPercent()))) {
            throw new InvalidRequestException(request.complianceThresholdPercent() == null
                    || sameNumber(request.complianceThresholdPercent(), current.complianceThresholdPercent())
                    ? "gradingScale" : "complianceThresholdPercent",
                    "only the board manager sets the standard of an audit the board commissioned");
        }
        AuditStatus status = request.status() == null ? current.status() : request.status();
        if (status.isBackwardsFrom(current.status()) && !caller.isManager()) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Only the board manager can move an audit back from "
                    + current.status() + " to " + status);
        }
        String scale = checked(request);
        Set<String> before = new LinkedHashSet<>(current.participants());
        before.add(current.leadAgency());
        checkParticipantsChange(current, before, new LinkedHashSet<>(List.of(participants(request).split(","))), caller);
        checkOwnWork(request, caller, before);
        Audit updated = audits.update(new Audit(id, request.type(), request.title().trim(), request.leadAgency(),
                participants(request), request.periodStart(), request.periodEnd(), request.plannedStart(), request.plannedEnd(),
                request.actualStart(), request.actualEnd(), status, request.scope(), request.summary(), scale,
                request.complianceThresholdPercent(), current.createdBy(), caller.username(), Instant.now(), current.version()));
        changes.record(caller, "audit", Long.toString(id), "UPDATE", AuditView.of(current), AuditView.of(updated));
        return updated;
    }

    private String checked(AuditRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (!agencies.exists(r.leadAgency())) {
            errors.add(new FieldError("leadAgency", "is not a known agency code"));
        }
        if (r.participatingAgencies() != null) {
            for (int i = 0; i < r.participatingAgencies().size(); i++) {
                if (!agencies.exists(r.participatingAgencies().get(i))) {
                    errors.add(new FieldError("participatingAgencies[" + i + "]", "is not a known agency code"));
                }
            }
        }
        if (r.periodEnd().isBefore(r.periodStart())) {
            errors.add(new FieldError("periodEnd", "must not be before periodStart"));
        }
        if (r.plannedStart() != null && r.plannedEnd() != null && r.plannedEnd().isBefore(r.plannedStart())) {
            errors.add(new FieldError("plannedEnd", "must not be before plannedStart"));
        }
        if (r.actualStart() != null && r.actualEnd() != null && r.actualEnd().isBefore(r.actualStart())) {
            errors.add(new FieldError("actualEnd", "must not be before actualStart"));
        }
        String scale = r.gradingScale();
        if (r.type().gradesCases()) {
            if (scale == null) {
                scale = "OFSTED";
            } else if (!scales.existsById(scale)) {
                errors.add(new FieldError("gradingScale", "is not a known grading scale (OFSTED, EARLY_HELP or one the board defined)"));
            }
        } else if (scale != null) {
            errors.add(new FieldError("gradingScale", "only case audits grade cases"));
        }
        if (!r.type().gradesCases() && r.complianceThresholdPercent() != null) {
            errors.add(new FieldError("complianceThresholdPercent", "only case audits carry a compliance standard"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return scale;
    }

    /**
     * Who takes part in an audit decides who reads every participant's case views and findings
     * ({@link AuditAccess#visible}), so changing it is the board manager's, at any time. The lead
     * agency's users never change who takes part in a piece of work the board commissioned (any type
     * outside {@link #AGENCY_TYPES}), and change their own piece of work only while it is planned
     * ({@link #checkOwnWork} keeps other agencies out of it). Nobody removes an agency that already has
     * case views or findings in the audit: it would be cut off from its own records. The change is in
     * the change log as the audit's UPDATE (participating agencies before and after, and who).
     */
    private void checkParticipantsChange(Audit current, Set<String> before, Set<String> after, Caller caller) {
        if (before.equals(after)) {
            return;
        }
        if (!caller.isManager() && !AGENCY_TYPES.contains(current.auditType())) {
            throw new InvalidRequestException(HttpStatus.FORBIDDEN, "participatingAgencies", "only the board manager changes who takes part in a "
                    + current.auditType().name().toLowerCase().replace('_', ' ') + ", which the board commissioned");
        }
        if (!caller.isManager() && current.status() != AuditStatus.PLANNED) {
            throw new InvalidRequestException(HttpStatus.CONFLICT, "participatingAgencies", "only the board manager changes who takes part "
                    + "once an audit is under way (this one is " + current.status().name().toLowerCase().replace('_', ' ') + ")");
        }
        List<String> withRecords = before.stream().filter(a -> !after.contains(a))
                .filter(a -> audits.countRecordsOf(current.id(), a) > 0).toList();
        if (!withRecords.isEmpty()) {
            throw new InvalidRequestException(HttpStatus.CONFLICT, "participatingAgencies", String.join(", ", withRecords)
                    + (withRecords.size() == 1 ? " has" : " have") + " case views or findings in this audit and stay"
                    + (withRecords.size() == 1 ? "s" : "") + " in it, so as to keep access to them");
        }
    }

    /**
     * An agency's own audits, self-assessments and surveys are its alone: it cannot open them to other
     * agencies ({@code already}: those that take part now, which the board manager may have added).
     */
    private static void checkOwnWork(AuditRequest r, Caller caller, Set<String> already) {
        if (!caller.isManager() && AGENCY_TYPES.contains(r.type()) && r.participatingAgencies() != null
                && r.participatingAgencies().stream().anyMatch(a -> !a.equals(r.leadAgency()) && !already.contains(a))) {
            throw new InvalidRequestException("participatingAgencies", "a " + r.type().name().toLowerCase().replace('_', ' ')
                    + " belongs to its lead agency alone; the board manager can make it a shared piece of work");
        }
    }

    private static String scaleCode(AuditRequest r) {
        return r.gradingScale() == null && r.type().gradesCases() ? "OFSTED" : r.gradingScale();
    }

    private static boolean sameNumber(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String participants(AuditRequest r) {
        Set<String> all = new LinkedHashSet<>();
        all.add(r.leadAgency());
        if (r.participatingAgencies() != null) {
            all.addAll(r.participatingAgencies());
        }
        return String.join(",", all);
    }
}
