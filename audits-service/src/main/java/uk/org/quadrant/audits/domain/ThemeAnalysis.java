package uk.org.quadrant.audits.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which themes recur, where: for each theme, how many findings carry it, from how many distinct
 * sources (audits and reviews) and source types, in which quadrants, and whether it is a
 * <em>repeated theme</em> (found in at least {@code minSources} distinct sources). Ranked by
 * sources, then findings, then theme code; each with a few example findings.
 */
public final class ThemeAnalysis {

    /** One finding as evidence: where it came from and which themes it carries. */
    public record Evidence(long findingId, long sourceId, String sourceTitle, AuditType sourceType, Quadrant quadrant,
                           FindingKind kind, String text, String agency, Collection<String> themes) {
    }

    /** An example finding for a theme. */
    public record Example(long findingId, long sourceId, String sourceTitle, FindingKind kind, String text) {
    }

    public record Result(String theme, int findings, int sources, List<AuditType> sourceTypes, List<Quadrant> quadrants,
                         boolean repeated, List<Example> examples) {
    }

    public static final int EXAMPLES = 3;

    private ThemeAnalysis() {
    }

    public static List<Result> analyse(Collection<Evidence> evidence, int minSources) {
        if (minSources < 1) {
            throw new IllegalArgumentException("minSources must be at least 1");
        }
        Map<String, Tally> tallies = new HashMap<>();
        for (Evidence e : evidence) {
            for (String theme : new HashSet<>(e.themes())) {
                tallies.computeIfAbsent(theme, t -> new Tally()).add(e);
            }
        }
        List<Result> results = new ArrayList<>(tallies.size());
        tallies.forEach((theme, t) -> results.add(new Result(theme, t.findings, t.sources.size(), List.copyOf(t.types),
                List.copyOf(t.quadrants), t.sources.size() >= minSources, List.copyOf(t.examples))));
        results.sort(Comparator.comparingInt(Result::sources).reversed()
                .thenComparing(Comparator.comparingInt(Result::findings).reversed())
                .thenComparing(Result::theme));
        return results;
    }

    private static final class Tally {
        int findings;
        final Set<Long> sources = new HashSet<>();
        final Set<AuditType> types = new TreeSet<>();
        final Set<Quadrant> quadrants = EnumSet.noneOf(Quadrant.class);
        final List<Example> examples = new ArrayList<>();
        final Set<Long> exampleSources = new HashSet<>();

        void add(Evidence e) {
            findings++;
            sources.add(e.sourceId());
            types.add(e.sourceType());
            quadrants.add(e.quadrant());
            // examples from different sources first: the point is to show the theme recurring
            if (examples.size() < EXAMPLES && exampleSources.add(e.sourceId())) {
                examples.add(new Example(e.findingId(), e.sourceId(), e.sourceTitle(), e.kind(), e.text()));
            }
        }
    }
}
