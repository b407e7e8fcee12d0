package uk.org.quadrant.audits.themes;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.audits.changelog.DataVersion;
import uk.org.quadrant.audits.domain.Quadrant;
import uk.org.quadrant.audits.domain.ThemeAnalysis;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.audits.vocabulary.Theme;
import uk.org.quadrant.audits.vocabulary.ThemeRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Feeds {@link ThemeAnalysis} with the findings of the audits the caller may see. */
@Singleton
public class ThemeAnalysisService {

    private final ThemeFindings findings;
    private final ThemeRepository themes;
    private final Agencies agencies;
    private final int defaultMinSources;
    private final DataVersion dataVersion;

    private record Key(String sees, LocalDate from, LocalDate to, Quadrant quadrant, String agency, int minSources) {
    }

    ThemeAnalysisService(ThemeFindings findings, ThemeRepository themes, Agencies agencies,
                         @Value("${quadrant.themes.repeated-min-sources:2}") int defaultMinSources, DataVersion dataVersion) {
        this.dataVersion = dataVersion;
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
        // Every visible finding of the period is read (without its text) and grouped: cached per data
        // version (docs/performance.md).
        int min = minSources == null ? defaultMinSources : minSources;
        Key key = new Key(caller.isBoard() ? "*board*" : caller.agency(), from, to, quadrant, agency, min);
        return dataVersion.cached(key, () -> compute(caller, from, to, quadrant, agency, min));
    }

    private List<ThemeAnalysisRow> compute(Caller caller, LocalDate from, LocalDate to, Quadrant quadrant, String agency,
                                           int minSources) {
        LocalDate start = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.of(2999, 12, 31) : to;
        // The period's visible findings without their text (one join, visibility in SQL) ...
        List<ThemeAnalysis.Evidence> evidence = findings.visibleInPeriod(caller, start, end).stream()
                .filter(f -> quadrant == null || f.quadrant() == quadrant)
                .filter(f -> agency == null || agency.equals(f.concerns()))
                .map(f -> new ThemeAnalysis.Evidence(f.id(), f.auditId(), f.auditTitle(), f.auditType(), f.quadrant(), f.kind(),
                        null, f.concerns(), f.themeList()))
                .toList();
        if (evidence.isEmpty()) {
            return List.of();
        }
        List<ThemeAnalysis.Result> results = ThemeAnalysis.analyse(evidence, minSources);
        // ... then the text of the examples shown, by id, in one query.
        Map<Long, String> texts = findings.texts(results.stream().flatMap(r -> r.examples().stream())
                .map(ThemeAnalysis.Example::findingId).collect(Collectors.toCollection(TreeSet::new)));
        Map<String, String> labels = themes.listByLabel().stream().collect(Collectors.toMap(Theme::code, Theme::label));
        return results.stream()
                .map(r -> new ThemeAnalysisRow(r.theme(), labels.getOrDefault(r.theme(), r.theme()), r.findings(), r.sources(),
                        r.sourceTypes(), r.quadrants(), r.repeated(), r.examples().stream()
                        .filter(e -> texts.containsKey(e.findingId()))   // absent only if deleted since the first read
                        .map(e -> new ThemeAnalysisRow.Example(e.findingId(), e.sourceId(), e.sourceTitle(), e.kind(),
                                texts.get(e.findingId())))
                        .toList()))
                .toList();
    }
}
