package uk.org.quadrant.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Plain YAML loading into maps and lists (documents that are empty or comments only are skipped). */
final class Yaml {
    private Yaml() {
    }

    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("a YAML document that is not a mapping: " + doc);
            }
            docs.add(asMap(doc));
        }
        return docs;
    }

    static List<Map<String, Object>> loadAll(Path file) {
        try {
            return loadAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> loadOne(Path file) {
        List<Map<String, Object>> docs = loadAll(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        return (List<Object>) o;
    }

    /** A deep, mutable copy. */
    static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put(String.valueOf(k), copy(v)));
            return c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(copy(v)));
            return c;
        }
        return o;
    }

    /** The value at a dotted path of map keys, or null. */
    static Object at(Map<String, Object> root, String dotted) {
        Object cur = root;
        for (String key : dotted.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(key);
        }
        return cur;
    }
}
