package uk.org.quadrant.k8s;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** One rendered set of manifests (a kustomization's output, or loose files), as typed fabric8 objects. */
final class Manifests {
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** A thing that runs pods: its kind and name, its pod template's labels and spec. */
    record Workload(String kind, String name, Map<String, String> labels, ObjectMeta templateMeta, PodSpec spec,
                    HasMetadata owner) {
        boolean longRunning() {
            return !kind.equals("Job") && !kind.equals("CronJob") && !kind.equals("Pod");
        }
    }

    final String label;
    final List<Map<String, Object>> raw;
    final List<HasMetadata> objects = new ArrayList<>();
    /** Problems found while turning YAML into typed objects: unknown kinds, unknown or mistyped fields. */
    final List<String> parseProblems = new ArrayList<>();

    Manifests(String label, List<Map<String, Object>> raw) {
        this.label = label;
        this.raw = raw;
        for (Map<String, Object> doc : raw) {
            String id = doc.get("kind") + "/" + Yaml.at(doc, "metadata.name");
            Object parsed;
            try {
                parsed = SERIALIZATION.unmarshal(SERIALIZATION.asJson(doc));
            } catch (RuntimeException e) {
                parseProblems.add(id + ": not a valid object: " + e.getMessage());
                continue;
            }
            if (parsed instanceof GenericKubernetesResource || !(parsed instanceof HasMetadata hm)) {
                parseProblems.add(id + ": unknown apiVersion/kind " + doc.get("apiVersion") + " " + doc.get("kind"));
                continue;
            }
            unknownFields(parsed, id, parseProblems, new IdentityHashMap<>());
            objects.add(hm);
        }
    }

    static Manifests of(String label, List<Map<String, Object>> raw) {
        return new Manifests(label, raw);
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    Optional<ConfigMap> configMap(String name) {
        return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
    }

    List<Workload> workloads() {
        List<Workload> out = new ArrayList<>();
        for (HasMetadata o : objects) {
            PodTemplateSpec t = null;
            PodSpec spec = null;
            ObjectMeta meta = null;
            if (o instanceof Deployment d) {
                t = d.getSpec().getTemplate();
            } else if (o instanceof StatefulSet s) {
                t = s.getSpec().getTemplate();
            } else if (o instanceof DaemonSet s) {
                t = s.getSpec().getTemplate();
            } else if (o instanceof Job j) {
                t = j.getSpec().getTemplate();
            } else if (o instanceof CronJob c) {
                t = c.getSpec().getJobTemplate().getSpec().getTemplate();
            } else if (o instanceof Pod p) {
                spec = p.getSpec();
                meta = p.getMetadata();
            } else {
                continue;
            }
            if (t != null) {
                spec = t.getSpec();
                meta = t.getMetadata();
            }
            Map<String, String> labels = meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
            String name = o.getMetadata().getName() != null ? o.getMetadata().getName() : o.getMetadata().getGenerateName();
            out.add(new Workload(o.getKind(), name, labels, meta, spec, o));
        }
        return out;
    }

    /**
     * Every fabric8 model object keeps fields it does not know in additionalProperties; anything there is a
     * typo or a field of another API version. Walks the whole object graph through its getters.
     */
    static void unknownFields(Object o, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object v : c) {
                unknownFields(v, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            if (!n.startsWith("get") || IGNORED_GETTERS.contains(n)) {
                continue;
            }
            Object v;
            try {
                v = m.invoke(o);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (n.equals("getAdditionalProperties")) {
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(n.charAt(3)) + n.substring(4);
            unknownFields(v, path + "." + field, problems, seen);
        }
    }

    private static final Set<String> IGNORED_GETTERS = Set.of("getClass", "getPlural", "getSingular",
            "getFullResourceName", "getApiVersion", "getKind");
}
