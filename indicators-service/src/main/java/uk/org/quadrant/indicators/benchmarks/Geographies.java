package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.io.ResourceLoader;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.csv.CsvRows;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * England, its regions and local authorities as the ONS mid-year population estimates of children
 * aged 0 to 17 name them (classpath {@code benchmarks/ons_mid-year_population_estimates_2012_to_2024.csv},
 * read by header name), with their populations by year: the names and regions of local authorities
 * and the denominators of rates per 10,000. Names come from the latest year that has the authority.
 */
@Singleton
public class Geographies {

    static final String ENGLAND = "E92000001";
    private static final String FILE = "classpath:benchmarks/ons_mid-year_population_estimates_2012_to_2024.csv";

    /** A local authority, region or England: its code (3-digit old LA code for an authority), name and region. */
    public record Area(String code, String name, String regionCode, String regionName) {
    }

    private final Map<String, Area> areas = new HashMap<>();
    private final Map<String, Integer> namedIn = new HashMap<>();
    private final Map<String, Long> populations = new HashMap<>();

    Geographies(ResourceLoader resources) {
        InputStream in = resources.getResourceAsStream(FILE).orElseThrow(() -> new IllegalStateException("missing " + FILE));
        for (Map<String, String> row : CsvRows.read(in)) {
            String level = row.get(column(row, "geographic_level"));
            int year = Integer.parseInt(row.get(column(row, "time_period")).trim());
            String code = switch (level == null ? "" : level.trim()) {
                case "National" -> row.get("country_code");
                case "Regional" -> row.get("region_code");
                case "Local authority" -> row.get("old_la_code");
                default -> null;
            };
            if (code == null) {
                continue;
            }
            code = code.trim();
            String name = switch (level.trim()) {
                case "National" -> row.get("country_name");
                case "Regional" -> row.get("region_name");
                default -> row.get("la_name");
            };
            if (namedIn.getOrDefault(code, Integer.MIN_VALUE) < year) {
                namedIn.put(code, year);
                areas.put(code, new Area(code, name, row.get("region_code"), row.get("region_name")));
            }
            String population = row.get("population_estimate");
            if (population != null && population.trim().matches("\\d+")) {
                populations.put(code + "/" + year, Long.parseLong(population.trim()));
            }
        }
    }

    /** The header of the first column may carry a byte-order mark. */
    private static String column(Map<String, String> row, String name) {
        return row.containsKey(name) ? name : "\uFEFF" + name;
    }

    public Optional<Area> area(String code) {
        return Optional.ofNullable(code == null ? null : areas.get(code));
    }

    /** The mid-year estimate of children aged 0 to 17 in this area in this year. */
    public OptionalLong population(String code, int year) {
        Long p = populations.get(code + "/" + year);
        return p == null ? OptionalLong.empty() : OptionalLong.of(p);
    }
}
