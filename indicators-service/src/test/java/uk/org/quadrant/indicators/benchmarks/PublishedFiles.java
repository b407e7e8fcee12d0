package uk.org.quadrant.indicators.benchmarks;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test's own reading of the published files, independent of the service's: rows as maps by
 * header name (byte-order mark stripped), to check what the service computes against the files.
 */
final class PublishedFiles {

    static final String CLA = "benchmarks/cla_number_and_rate_per_10k_children.csv";
    static final String CIN = "benchmarks/b1_children_in_need_2013_to_2025.csv";
    static final String SN_2025 = "benchmarks/sn_model_2025_wide.csv";
    static final String REFERRALS = "benchmarks/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
    /** Shipped with the service (main resources), read here by the test's own code. */
    static final String ONS = "benchmarks/ons_mid-year_population_estimates_2012_to_2024.csv";
    static final String CLA_31_MARCH = "Children looked after on 31 March each year";

    private PublishedFiles() {
    }

    static String text(String resource) {
        try (InputStream in = PublishedFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, String>> rows(String resource) {
        String text = text(resource);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).get())) {
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord r : p) {
                out.add(new LinkedHashMap<>(r.toMap()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Local authority figures (old code → text as written) of one year and filter value. */
    static Map<String, String> laFigures(List<Map<String, String>> rows, String year, String filterColumn, String filterValue,
                                         String measure) {
        Map<String, String> out = new HashMap<>();
        for (Map<String, String> r : rows) {
            if (r.get("time_period").equals(year) && r.get("geographic_level").equals("Local authority")
                    && (filterColumn == null || r.get(filterColumn).equals(filterValue))) {
                out.put(r.get("old_la_code"), r.get(measure));
            }
        }
        return out;
    }

    static String figure(List<Map<String, String>> rows, String year, String level, String codeColumn, String code,
                         String filterColumn, String filterValue, String measure) {
        for (Map<String, String> r : rows) {
            if (r.get("time_period").equals(year) && r.get("geographic_level").equals(level)
                    && (codeColumn == null || r.get(codeColumn).equals(code))
                    && (filterColumn == null || r.get(filterColumn).equals(filterValue))) {
                return r.get(measure);
            }
        }
        return null;
    }

    /** The 2025 model's neighbours of an authority, in order, from the file. */
    static List<String> neighbours2025(String la) {
        for (Map<String, String> r : rows(SN_2025)) {
            if (r.get("old_la_code").trim().equals(la)) {
                List<String> out = new ArrayList<>();
                for (int n = 1; n <= 10; n++) {
                    out.add(r.get("SN_" + n).trim());
                }
                return out;
            }
        }
        throw new AssertionError("no " + la + " in the 2025 model");
    }

    /** The ONS mid-year estimate of children aged 0 to 17 in an area (old LA code, or a region or country code) in a year. */
    static BigDecimal population(String code, String year) {
        for (Map<String, String> r : rows(ONS)) {
            if (r.get("time_period").equals(year) && (code.equals(r.get("old_la_code")) || (r.get("old_la_code").isEmpty()
                    && (code.equals(r.get("region_code")) && r.get("geographic_level").equals("Regional")
                    || code.equals(r.get("country_code")) && r.get("geographic_level").equals("National"))))) {
                return new BigDecimal(r.get("population_estimate"));
            }
        }
        throw new AssertionError("no population of " + code + " in " + year);
    }

    /** The ONS estimates of children aged 0 to 17 of a year, by old LA code, region code and country code. */
    static Map<String, BigDecimal> populations(String year) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Map<String, String> r : rows(ONS)) {
            if (r.get("time_period").equals(year)) {
                String code = switch (r.get("geographic_level")) {
                    case "National" -> r.get("country_code");
                    case "Regional" -> r.get("region_code");
                    case "Local authority" -> r.get("old_la_code");
                    default -> null;
                };
                if (code != null && number(r.get("population_estimate")) != null) {
                    out.put(code, new BigDecimal(r.get("population_estimate")));
                }
            }
        }
        return out;
    }

    /** A count per 10,000 of a population, rounded half up to a whole number as the publisher prints its rates; null without either. */
    static BigDecimal per10000(BigDecimal count, BigDecimal population) {
        return count == null || population == null ? null
                : count.multiply(BigDecimal.valueOf(10_000)).divide(population, 0, java.math.RoundingMode.HALF_UP);
    }

    static BigDecimal number(String text) {
        return text != null && text.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(text) : null;
    }
}
