package uk.org.quadrant.gateway.browse.audits;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.audits.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An audit's findings grouped the way the board reads them: by quadrant of evidence (in the
 * board's order), then by theme (by label). A finding with several themes is listed under each;
 * one with none under "No theme".
 */
public final class FindingGroups {

    /** One quadrant's themes. */
    public record QuadrantGroup(String code, String label, List<ThemeGroup> themes) {
    }

    /** One theme's findings. */
    public record ThemeGroup(String code, String label, List<FindingRow> findings) {
    }

    /** A finding with words for its kind. */
    public record FindingRow(String text, @Nullable String agency, String kindLabel) {
    }

    private FindingGroups() {
    }

    static List<QuadrantGroup> byQuadrantAndTheme(List<Finding> findings, Map<String, String> themeLabels) {
        Map<String, Map<String, List<FindingRow>>> grouped = new LinkedHashMap<>();
        AuditWording.QUADRANTS.keySet().forEach(q -> grouped.put(q, new TreeMap<>()));
        for (Finding f : findings) {
            String quadrant = String.valueOf(f.quadrant());
            FindingRow row = new FindingRow(f.text(), f.agency(), AuditWording.kind(f.kind()));
            List<String> themes = f.themeCodes();
            for (String theme : themes.isEmpty() ? List.of("") : themes) {
                String label = theme.isEmpty() ? "No theme" : themeLabels.getOrDefault(theme, theme);
                grouped.computeIfAbsent(quadrant, k -> new TreeMap<>())
                        .computeIfAbsent(label + "\u0000" + theme, k -> new ArrayList<>()).add(row);
            }
        }
        List<QuadrantGroup> out = new ArrayList<>();
        grouped.forEach((quadrant, themes) -> {
            if (themes.isEmpty()) {
                return;
            }
            List<ThemeGroup> groups = new ArrayList<>();
            themes.forEach((key, list) -> {
                String[] parts = key.split("\u0000", 2);
                groups.add(new ThemeGroup(parts[1], parts[0], list));
            });
            out.add(new QuadrantGroup(quadrant, AuditWording.quadrant(quadrant), groups));
        });
        return out;
    }
}
