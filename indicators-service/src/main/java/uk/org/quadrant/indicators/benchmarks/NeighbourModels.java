package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.io.ResourceLoader;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The neighbour models read from their files: columns found by header name (a byte-order mark
 * ignored; the 2021 file repeats the header {@code SNP}, so each closeness is the column after its
 * neighbour's), codes and bands trimmed, bands written one way ("Very close", "Not close").
 */
@Singleton
public class NeighbourModels {

    /** One neighbour of an authority: its 3-digit code and closeness band. */
    public record Neighbour(String code, String closeness) {
    }

    private static final int NEIGHBOURS = 10;

    private final Map<NeighbourModel, Map<String, List<Neighbour>>> models = new EnumMap<>(NeighbourModel.class);

    NeighbourModels(ResourceLoader resources) {
        for (NeighbourModel model : NeighbourModel.values()) {
            InputStream in = resources.getResourceAsStream("classpath:" + model.resource())
                    .orElseThrow(() -> new IllegalStateException("missing " + model.resource()));
            models.put(model, read(model, in));
        }
    }

    /** The authority's neighbours in the model, nearest first; empty if the model does not have it. */
    public List<Neighbour> of(NeighbourModel model, String laCode) {
        return models.get(model).getOrDefault(laCode, List.of());
    }

    public boolean has(NeighbourModel model, String laCode) {
        return models.get(model).containsKey(laCode);
    }

    static Map<String, List<Neighbour>> read(NeighbourModel model, InputStream in) {
        try (CSVParser csv = CSVParser.parse(in, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = csv.getRecords();
            List<String> header = new ArrayList<>();
            for (String h : records.get(0)) {
                header.add(h.replace("\uFEFF", "").trim());
            }
            int la = index(header, model.laColumn());
            int[] neighbour = new int[NEIGHBOURS];
            int[] closeness = new int[NEIGHBOURS];
            for (int n = 1; n <= NEIGHBOURS; n++) {
                neighbour[n - 1] = index(header, model.neighbourColumn(n));
                closeness[n - 1] = model.closenessColumn(n) == null ? neighbour[n - 1] + 1 : index(header, model.closenessColumn(n));
            }
            Map<String, List<Neighbour>> out = new HashMap<>();
            for (CSVRecord r : records.subList(1, records.size())) {
                String code = field(r, la);
                if (code.isEmpty()) {
                    continue;
                }
                List<Neighbour> list = new ArrayList<>(NEIGHBOURS);
                for (int n = 0; n < NEIGHBOURS; n++) {
                    String c = field(r, neighbour[n]);
                    if (!c.isEmpty()) {
                        list.add(new Neighbour(c, band(field(r, closeness[n]))));
                    }
                }
                out.put(code, List.copyOf(list));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int index(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("the neighbour model has no column " + name + ": " + header);
        }
        return i;
    }

    private static String field(CSVRecord r, int i) {
        return i < r.size() ? r.get(i).trim() : "";
    }

    /** "Close ", "Not Close" → "Close", "Not close". */
    static String band(String text) {
        String t = text.trim().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1).toLowerCase(Locale.ROOT);
    }
}
