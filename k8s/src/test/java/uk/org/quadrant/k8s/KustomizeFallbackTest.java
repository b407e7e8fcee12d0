package uk.org.quadrant.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fallback renderer must agree with kubectl kustomize wherever kubectl exists, and refuse what it cannot do. */
class KustomizeFallbackTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void rendersWhatKubectlRenders(String dir) {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not on the PATH: only the fallback renders here");
        Map<String, Object> byKubectl = byId(Kustomize.withKubectl(Repo.K8S.resolve(dir)).orElseThrow());
        Map<String, Object> byFallback = byId(Kustomize.withoutKubectl(Repo.K8S.resolve(dir)));
        assertEquals(byKubectl.keySet(), byFallback.keySet());
        // Compare through fabric8's typed objects, so that 1 and "1" or key order cannot differ.
        for (String id : byKubectl.keySet()) {
            assertEquals(canonical(byKubectl.get(id)), canonical(byFallback.get(id)), id);
        }
    }

    @Test
    void refusesKustomizeFeaturesItDoesNotImplement() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("src/test/resources/kustomize/unsupported");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomize.withoutKubectl(dir));
        assertTrue(e.getMessage().contains("commonLabels"), e.getMessage());
    }

    private static Map<String, Object> byId(List<Map<String, Object>> objects) {
        Map<String, Object> m = new TreeMap<>();
        for (Map<String, Object> o : objects) {
            m.put(o.get("kind") + "/" + Yaml.at(o, "metadata.name"), o);
        }
        return m;
    }

    /** Through the typed object and back into maps (whose equality ignores key order). */
    private static Map<String, Object> canonical(Object o) {
        Object typed = Manifests.SERIALIZATION.unmarshal(Manifests.SERIALIZATION.asJson(o));
        return Yaml.loadAll(Manifests.SERIALIZATION.asJson(typed)).get(0);
    }
}
