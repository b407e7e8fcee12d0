package uk.org.quadrant.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendering (base, dev, prod; by kubectl where it exists and by the fallback always) passes every check. */
class ManifestsTest {
    static final Checks CHECKS = new Checks(Repo.ROOT, Repo.secretKeys());

    static Manifests fallback(String dir) {
        return Manifests.of(dir + " (fallback)", Kustomize.withoutKubectl(Repo.K8S.resolve(dir)));
    }

    static Stream<Arguments> renderingsAndChecks() {
        List<Arguments> out = new ArrayList<>();
        for (String dir : Repo.RENDERINGS) {
            List<Manifests> ms = new ArrayList<>();
            ms.add(fallback(dir));
            Kustomize.withKubectl(Repo.K8S.resolve(dir)).ifPresent(raw -> ms.add(Manifests.of(dir + " (kubectl)", raw)));
            for (Manifests m : ms) {
                CHECKS.all(m).forEach((check, problems) -> out.add(Arguments.of(m.label, check, problems)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("renderingsAndChecks")
    void passes(String rendering, String check, List<String> problems) {
        assertTrue(problems.isEmpty(), rendering + " fails " + check + ":\n  " + String.join("\n  ", problems));
    }

    @Test
    void theRestoreJobTemplatePassesThePodChecks() {
        Manifests m = Manifests.of("ops/restore-job.yaml", Yaml.loadAll(Repo.K8S.resolve("ops/restore-job.yaml")));
        List<String> problems = new ArrayList<>(CHECKS.objects(m));
        problems.addAll(CHECKS.podSecurity(m));
        problems.addAll(CHECKS.probesAndResources(m));
        problems.addAll(CHECKS.images(m));
        problems.addAll(CHECKS.noSecretsInClear(m));
        assertEquals(1, m.workloads().size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void secretTemplatesHoldNoValues() {
        assertFalse(Repo.secretTemplates().isEmpty());
        List<String> problems = Checks.secretValues(Repo.secretTemplates());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // Every Secret the manifests use has a template, with the keys they read (requiredEnv checks the keys).
        assertTrue(Repo.secretKeys().keySet().containsAll(List.of("quadrant-gateway-db", "quadrant-indicators-db",
                "quadrant-audits-db", "quadrant-actions-db", "quadrant-gateway-signing-key")));
    }

    @Test
    void everyYamlFileParses() {
        for (var f : Repo.yamlFiles()) {
            if (f.getFileName().toString().equals("kustomization.yaml") || f.toString().contains("/overlays/")) {
                continue; // kustomizations and patches are partial objects, checked through their renderings
            }
            Manifests m = Manifests.of(f.toString(), Yaml.loadAll(f));
            assertTrue(m.parseProblems.isEmpty(), String.join("\n", m.parseProblems));
        }
    }

    @Test
    void theNamespaceEnforcesTheRestrictedStandard() {
        Namespace ns = fallback("base").all(Namespace.class).get(0);
        assertEquals("restricted", ns.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
    }

    @Test
    void devRunsOneOfEachWithDemoData() {
        Manifests m = fallback("overlays/dev");
        for (String app : Checks.MODULES) {
            assertEquals(1, deployment(m, app).getSpec().getReplicas(), app);
            Map<String, String> cfg = config(m, app);
            assertEquals("true", cfg.get("QUADRANT_DEMO_DATA_ENABLED"), app);
            assertEquals("dev", cfg.get("MICRONAUT_ENVIRONMENTS"), app);
        }
        assertTrue(m.all(HorizontalPodAutoscaler.class).isEmpty());
    }

    @Test
    void prodRunsSeveralReplicasBehindTlsWithoutDemoData() {
        Manifests m = fallback("overlays/prod");
        for (String app : Checks.MODULES) {
            assertTrue(deployment(m, app).getSpec().getReplicas() >= 2, app);
            Map<String, String> cfg = config(m, app);
            assertEquals("false", cfg.get("QUADRANT_DEMO_DATA_ENABLED"), app);
            assertEquals("prod", cfg.get("MICRONAUT_ENVIRONMENTS"), app);
            HorizontalPodAutoscaler hpa = m.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(app)).findFirst().orElseThrow();
            assertEquals(deployment(m, app).getSpec().getReplicas(), hpa.getSpec().getMinReplicas(), app);
        }
        Ingress in = m.all(Ingress.class).get(0);
        assertFalse(in.getSpec().getTls().isEmpty());
        assertEquals(in.getSpec().getRules().get(0).getHost(), in.getSpec().getTls().get(0).getHosts().get(0));
    }

    @Test
    void everyAppHasADisruptionBudgetAndRollsWithoutLosingCapacity() {
        for (String dir : Repo.RENDERINGS) {
            Manifests m = fallback(dir);
            for (String app : Checks.MODULES) {
                assertTrue(m.all(PodDisruptionBudget.class).stream().anyMatch(b -> b.getMetadata().getName().equals(app)), dir + " " + app);
                assertEquals(0, deployment(m, app).getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(), app);
            }
        }
    }

    static Deployment deployment(Manifests m, String name) {
        return m.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    static Map<String, String> config(Manifests m, String app) {
        return m.configMap(app + "-config").map(ConfigMap::getData).orElseThrow();
    }
}
