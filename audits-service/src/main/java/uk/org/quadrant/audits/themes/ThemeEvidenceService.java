package uk.org.quadrant.audits.themes;

import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.audits.domain.Quadrant;
import uk.org.quadrant.audits.findings.Finding;
import uk.org.quadrant.audits.findings.FindingRepository;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.audits.reviews.Audit;
import uk.org.quadrant.audits.reviews.AuditAccess;
import uk.org.quadrant.audits.reviews.AuditRepository;
import uk.org.quadrant.audits.vocabulary.Theme;
import uk.org.quadrant.audits.vocabulary.ThemeRepository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The findings behind each theme, grouped by source, over exactly the audits the theme analysis
 * would count for the same caller and filters ({@link AuditAccess#visible}): an agency never sees
 * the text of an audit it neither leads nor takes part in, whichever filter it asks for.
 */
@Singleton
public class ThemeEvidenceService {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private final AuditRepository audits;
    private final FindingRepository findings;
    private final ThemeRepository themes;
    private final Agencies agencies;

    ThemeEvidenceService(AuditRepository audits, FindingRepository findings, ThemeRepository themes, Agencies agencies) {
        this.audits = audits;
        this.findings = findings;
        this.themes = themes;
        this.agencies = agencies;
    }

    /**
     * Themes ranked as the analysis ranks them (most sources, then most findings, then code); each
     * theme's sources by reporting period; each source's findings in the order they were recorded.
     *
     * @param theme only this theme (a code of the vocabulary), or all
     */
    public List<ThemeEvidence> evidence(Caller caller, LocalDate from, LocalDate to, Quadrant quadrant, String agency,
                                        String theme) {
        if (agency != null && !agencies.exists(agency)) {
            throw new InvalidRequestException("agency", "is not a known agency code");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        Map<String, String> labels = themes.listByLabel().stream().collect(Collectors.toMap(Theme::code, Theme::label));
        if (theme != null && !labels.containsKey(theme)) {
            throw new InvalidRequestException("theme", "is not a theme of the vocabulary");
        }
        LocalDate start = from == null ? EARLIEST : from;
        LocalDate end = to == null ? LATEST : to;
        Map<Long, Audit> visible = audits.visibleOverlapping(start, end, caller.isBoard(), caller.agency()).stream()
                .collect(Collectors.toMap(Audit::id, Function.identity()));
        if (visible.isEmpty()) {
            return List.of();
        }
        // theme -> audit id -> findings. Visibility and the filters in SQL, so only the findings shown
        // are read with their text; the same filters again here, exactly as the analysis applies them.
        Map<String, Map<Long, List<Finding>>> grouped = new TreeMap<>();
        findings.visibleInAuditsOverlapping(start, end, caller.isBoard(), caller.agency(),
                        quadrant == null, quadrant == null ? "" : quadrant.name(), agency == null, agency == null ? "" : agency,
                        theme == null, theme == null ? "" : theme).stream()
                .filter(f -> visible.containsKey(f.auditId()))
                .filter(f -> quadrant == null || f.quadrant() == quadrant)
                .filter(f -> agency == null || agency.equals(concerns(f, visible.get(f.auditId()))))
                .sorted(Comparator.comparing(Finding::id))
                .forEach(f -> {
                    for (String t : new LinkedHashSet<>(f.themeList())) {
                        if (theme == null || theme.equals(t)) {
                            grouped.computeIfAbsent(t, k -> new TreeMap<>())
                                    .computeIfAbsent(f.auditId(), k -> new ArrayList<>()).add(f);
                        }
                    }
                });
        List<ThemeEvidence> out = new ArrayList<>();
        grouped.forEach((code, byAudit) -> {
            List<ThemeEvidence.Source> sources = byAudit.entrySet().stream()
                    .map(e -> source(visible.get(e.getKey()), e.getValue()))
                    .sorted(Comparator.comparing(ThemeEvidence.Source::periodStart).thenComparing(ThemeEvidence.Source::auditId))
                    .toList();
            int count = byAudit.values().stream().mapToInt(List::size).sum();
            out.add(new ThemeEvidence(code, labels.getOrDefault(code, code), count, sources.size(), sources));
        });
        out.sort(Comparator.comparingInt(ThemeEvidence::sources).reversed()
                .thenComparing(Comparator.comparingInt(ThemeEvidence::findings).reversed())
                .thenComparing(ThemeEvidence::theme));
        return out;
    }

    private static ThemeEvidence.Source source(Audit a, List<Finding> list) {
        return new ThemeEvidence.Source(a.id(), a.title(), a.auditType(), a.leadAgency(), a.periodStart(), a.periodEnd(),
                list.stream().map(f -> new ThemeEvidence.Line(f.id(), f.kind(), f.quadrant(), f.agency(), f.findingText())).toList());
    }

    /** The agency a finding concerns, as the analysis reads it: its own agency, else the audit's lead agency. */
    private static String concerns(Finding f, Audit audit) {
        return f.agency() != null ? f.agency() : audit.leadAgency();
    }
}
