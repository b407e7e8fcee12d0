package uk.org.quadrant.audits.themes;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.org.quadrant.audits.access.Agencies;
import uk.org.quadrant.audits.access.Caller;
import uk.org.quadrant.audits.changelog.DataVersion;
import uk.org.quadrant.audits.domain.Quadrant;
import uk.org.quadrant.audits.domain.ThemeAnalysis;
import uk.org.quadrant.audits.findings.Finding;
import uk.org.quadrant.audits.findings.FindingRepository;
import uk.org.quadrant.audits.problem.InvalidRequestException;
import uk.org.quadrant.audits.reviews.Audit;
import uk.org.quadrant.audits.reviews.AuditAccess;
import uk.org.quadrant.audits.reviews.AuditRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Feeds {@link ThemeAnalysis} with the findings of the audits the caller may see. */
@Singleton
public class ThemeAnalysisService {

    private final AuditRepository audits;
    private final FindingRepository findings;
    private final ThemeRepository themes;
    private final Agencies agencies;
    private final int defaultMinSources;
    private final DataVersion dataVersion;

    private record Key(String sees, LocalDate from, LocalDate to, Quadrant quadrant, String agency, int minSources) {
    }

    ThemeAnalysisService(AuditRepository audits, FindingRepository findings, ThemeRepository themes, Agencies agencies,
                         @Value("${quadrant.themes.repeated-min-sources:2}") int defaultMinSources, DataVersion dataVersion) {
        this.dataVersion = dataVersion;
        this.audits = audits;
        this.findings = findings;
        this.themes = themes;
        this.agencies = agencies;
        this.defaultMinSources = defaultMinSources;
    }

    public List<ThemeAnalysisRow> analyse(Caller caller, LocalDate from, LocalDate to, Quadrant quadrant, String agency,
                                          Integer minSources) {
        if (agency != null && !agencies.exists(agency)) {
            throw new InvalidRequestException("agency", "is not a known agency code");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        // Every finding of the period is read and grouped: cached per data version (docs/performance.md).
        int min = minSources == null ? defaultMinSources : minSources;
        Key key = new Key(caller.isBoard() ? "*board*" : caller.agency(), from, to, quadrant, agency, min);
        return dataVersion.cached(key, () -> compute(caller, from, to, quadrant, agency, min));
    }

    private List<ThemeAnalysisRow> compute(Caller caller, LocalDate from, LocalDate to, Quadrant quadrant, String agency,
                                           int minSources) {
        LocalDate start = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.of(2999, 12, 31) : to;
        Map<Long, Audit> visible = audits.overlapping(start, end).stream()
                .filter(a -> AuditAccess.visible(caller, a))
                .collect(Collectors.toMap(Audit::id, Function.identity()));
        if (visible.isEmpty()) {
            return List.of();
        }
        // One join over the period's audits (not an IN list of their ids), then only the visible ones.
        List<ThemeAnalysis.Evidence> evidence = findings.inAuditsOverlapping(start, end).stream()
                .filter(f -> visible.containsKey(f.auditId()))
                .filter(f -> quadrant == null || f.quadrant() == quadrant)
                .filter(f -> agency == null || agency.equals(concerns(f, visible.get(f.auditId()))))
                .map(f -> evidence(f, visible.get(f.auditId())))
                .toList();
        Map<String, String> labels = themes.listByLabel().stream().collect(Collectors.toMap(Theme::code, Theme::label));
        return ThemeAnalysis.analyse(evidence, minSources).stream()
                .map(r -> new ThemeAnalysisRow(r.theme(), labels.getOrDefault(r.theme(), r.theme()), r.findings(), r.sources(),
                        r.sourceTypes(), r.quadrants(), r.repeated(), r.examples().stream()
                        .map(e -> new ThemeAnalysisRow.Example(e.findingId(), e.sourceId(), e.sourceTitle(), e.kind(), e.text()))
                        .toList()))
                .toList();
    }

    /** The agency a finding concerns: its own agency, else the audit's lead agency. */
    private static String concerns(Finding f, Audit audit) {
        return f.agency() != null ? f.agency() : audit.leadAgency();
    }

    private static ThemeAnalysis.Evidence evidence(Finding f, Audit audit) {
        return new ThemeAnalysis.Evidence(f.id(), audit.id(), audit.title(), audit.auditType(), f.quadrant(), f.kind(),
                f.findingText(), concerns(f, audit), f.themeList());
    }
}
