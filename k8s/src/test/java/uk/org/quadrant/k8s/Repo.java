package uk.org.quadrant.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Secret;

/** Where things are: the repository root (set by the pom, or found from the working directory). */
final class Repo {
    static final Path ROOT = root();
    static final Path K8S = ROOT.resolve("k8s");
    static final List<String> RENDERINGS = List.of("base", "overlays/dev", "overlays/prod");

    private Repo() {
    }

    private static Path root() {
        String prop = System.getProperty("quadrant.repo.root");
        Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        p = p.toAbsolutePath().normalize();
        while (p != null && !Files.isDirectory(p.resolve("k8s/base"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (k8s/base)");
        }
        return p;
    }

    /** Every YAML file of k8s/ that operators use: base, overlays, secrets, ops (not build output, not test data). */
    static List<Path> yamlFiles() {
        try (Stream<Path> s = Files.walk(K8S)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !K8S.relativize(p).startsWith("target") && !K8S.relativize(p).startsWith("src"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Secret> secretTemplates() {
        List<Secret> out = new ArrayList<>();
        for (Path f : yamlFiles()) {
            for (Map<String, Object> doc : Yaml.loadAll(f)) {
                if ("Secret".equals(doc.get("kind"))) {
                    out.add(Manifests.SERIALIZATION.unmarshal(Manifests.SERIALIZATION.asJson(doc), Secret.class));
                }
            }
        }
        return out;
    }

    static Map<String, Set<String>> secretKeys() {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Secret s : secretTemplates()) {
            Set<String> k = new java.util.TreeSet<>();
            if (s.getStringData() != null) {
                k.addAll(s.getStringData().keySet());
            }
            if (s.getData() != null) {
                k.addAll(s.getData().keySet());
            }
            keys.put(s.getMetadata().getName(), k);
        }
        return keys;
    }
}
