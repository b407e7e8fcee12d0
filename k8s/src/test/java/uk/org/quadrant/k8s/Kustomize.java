package uk.org.quadrant.k8s;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization: with {@code kubectl kustomize} where kubectl is on the PATH, otherwise with a
 * small renderer of the subset of kustomize this repository uses (resources, namespace, patches by path
 * as strategic merge patches, configMapGenerator without hash suffix, images). A field outside that
 * subset makes the fallback fail loudly rather than render something different; where kubectl exists
 * {@code KustomizeFallbackTest} checks that both render the same objects.
 */
final class Kustomize {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "patches",
            "configMapGenerator", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass");
    /** Lists that a strategic merge patch merges item by item on their "name" (as Kubernetes does). */
    private static final Set<String> MERGE_BY_NAME = Set.of("containers", "initContainers", "env", "volumes",
            "volumeMounts", "imagePullSecrets");

    private Kustomize() {
    }

    /** kubectl's rendering if kubectl is usable (and not turned off by -Dquadrant.k8s.kubectl=false), else the fallback's. */
    static List<Map<String, Object>> render(Path dir) {
        return withKubectl(dir).orElseGet(() -> withoutKubectl(dir));
    }

    static boolean kubectlAvailable() {
        if ("false".equals(System.getProperty("quadrant.k8s.kubectl"))) {
            return false;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "kubectl"))) {
                return true;
            }
        }
        return false;
    }

    static Optional<List<Map<String, Object>>> withKubectl(Path dir) {
        if (!kubectlAvailable()) {
            return Optional.empty();
        }
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 120 s");
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(err));
                }
                return Optional.of(Yaml.loadAll(Files.readString(out)));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> withoutKubectl(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        Map<String, Object> k = Yaml.loadOne(file);
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(file + ": '" + key + "' is not supported by the fallback renderer");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object r : list(k.get("resources"))) {
            Path p = dir.resolve(String.valueOf(r)).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(withoutKubectl(p));
            } else {
                objects.addAll(Yaml.loadAll(p));
            }
        }
        for (Object g : list(k.get("configMapGenerator"))) {
            objects.add(configMap(dir, Yaml.asMap(g)));
        }
        for (Object p : list(k.get("patches"))) {
            Map<String, Object> patch = Yaml.asMap(p);
            if (patch.keySet().stream().anyMatch(x -> !x.equals("path"))) {
                throw new IllegalArgumentException(file + ": only 'patches: - path: …' is supported by the fallback");
            }
            for (Map<String, Object> doc : Yaml.loadAll(dir.resolve(String.valueOf(patch.get("path"))))) {
                applyPatch(objects, doc);
            }
        }
        for (Object i : list(k.get("images"))) {
            Map<String, Object> image = Yaml.asMap(i);
            for (Map<String, Object> o : objects) {
                setImages(o, image);
            }
        }
        if (k.get("namespace") instanceof String ns) {
            for (Map<String, Object> o : objects) {
                if (!CLUSTER_SCOPED.contains(String.valueOf(o.get("kind")))) {
                    Yaml.asMap(o.get("metadata")).put("namespace", ns);
                }
            }
        }
        return objects;
    }

    /** Applies one strategic merge patch document to the object of the same kind and name. */
    static void applyPatch(List<Map<String, Object>> objects, Map<String, Object> patch) {
        String kind = String.valueOf(patch.get("kind"));
        String name = String.valueOf(Yaml.at(patch, "metadata.name"));
        Map<String, Object> target = objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(Yaml.at(o, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("patch target not found: " + kind + "/" + name));
        merge(target, patch);
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            Object pv = e.getValue();
            Object tv = target.get(key);
            if (pv == null) {
                target.remove(key);
            } else if (pv instanceof Map<?, ?> pm && tv instanceof Map<?, ?> tm) {
                merge((Map<String, Object>) tm, (Map<String, Object>) pm);
            } else if (pv instanceof List<?> pl && tv instanceof List<?> tl && MERGE_BY_NAME.contains(key)) {
                mergeByName((List<Object>) tl, (List<Object>) pl);
            } else {
                target.put(key, Yaml.copy(pv));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeByName(List<Object> target, List<Object> patch) {
        // Items the target lacks go first, in the patch's order, as kustomize (kyaml) puts them.
        List<Object> added = new ArrayList<>();
        for (Object item : patch) {
            Map<String, Object> pm = (Map<String, Object>) item;
            Object name = pm.get("name");
            Map<String, Object> existing = null;
            for (Iterator<Object> it = target.iterator(); it.hasNext(); ) {
                Map<String, Object> t = (Map<String, Object>) it.next();
                if (name != null && name.equals(t.get("name"))) {
                    if ("delete".equals(pm.get("$patch"))) {
                        it.remove();
                    } else {
                        existing = t;
                    }
                    break;
                }
            }
            if ("delete".equals(pm.get("$patch"))) {
                continue;
            }
            if (existing != null) {
                merge(existing, pm);
            } else {
                added.add(Yaml.copy(pm));
            }
        }
        target.addAll(0, added);
    }

    private static Map<String, Object> configMap(Path dir, Map<String, Object> g) {
        Map<String, Object> options = g.get("options") == null ? Map.of() : Yaml.asMap(g.get("options"));
        if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
            throw new IllegalArgumentException("the fallback renders configMapGenerator only with disableNameSuffixHash: true");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            for (Object f : list(g.get("files"))) {
                Path p = dir.resolve(String.valueOf(f));
                data.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Object l : list(g.get("literals"))) {
            String s = String.valueOf(l);
            data.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", g.get("name"));
        if (options.get("labels") != null) {
            metadata.put("labels", Yaml.copy(options.get("labels")));
        }
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        cm.put("metadata", metadata);
        cm.put("data", data);
        return cm;
    }

    /** The images transformer: every container whose image name (without tag) matches gets the new name/tag. */
    @SuppressWarnings("unchecked")
    private static void setImages(Object node, Map<String, Object> image) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (("containers".equals(e.getKey()) || "initContainers".equals(e.getKey())) && e.getValue() instanceof List<?> cs) {
                    for (Object c : cs) {
                        Map<String, Object> container = (Map<String, Object>) c;
                        String current = String.valueOf(container.get("image"));
                        String nameOnly = imageName(current);
                        if (nameOnly.equals(image.get("name"))) {
                            String newName = image.get("newName") != null ? String.valueOf(image.get("newName")) : nameOnly;
                            String tag = image.get("newTag") != null ? ":" + image.get("newTag")
                                    : image.get("digest") != null ? "@" + image.get("digest")
                                    : current.substring(nameOnly.length());
                            container.put("image", newName + tag);
                        }
                    }
                } else {
                    setImages(e.getValue(), image);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(v -> setImages(v, image));
        }
    }

    /** An image reference without its tag or digest. */
    static String imageName(String ref) {
        int at = ref.indexOf('@');
        String s = at >= 0 ? ref.substring(0, at) : ref;
        int colon = s.lastIndexOf(':');
        return colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
    }

    private static List<Object> list(Object o) {
        return o == null ? List.of() : Yaml.asList(o);
    }
}
