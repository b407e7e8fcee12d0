package uk.org.quadrant.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
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
    void theBootstrapJobRunsTheGatewayImageAgainstTheGatewayDatabaseOnly() {
        Path file = Repo.K8S.resolve("ops/bootstrap-manager-job.yaml");
        Manifests job = Manifests.of("ops/bootstrap-manager-job.yaml", Yaml.loadAll(file));
        List<String> problems = new ArrayList<>(CHECKS.objects(job));
        problems.addAll(CHECKS.podSecurity(job));
        problems.addAll(CHECKS.probesAndResources(job));
        problems.addAll(CHECKS.noSecretsInClear(job));
        problems.addAll(CHECKS.demoPassword(job));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(1, job.workloads().size());
        Manifests.Workload w = job.workloads().get(0);
        assertTrue(w.owner() instanceof Job);
        Container c = w.spec().getContainers().get(0);

        // The same image as the gateway Deployment, its one-off command, no HTTP port.
        Manifests base = fallback("base");
        assertEquals(deployment(base, "gateway").getSpec().getTemplate().getSpec().getContainers().get(0).getImage(), c.getImage());
        assertEquals(List.of("bootstrap-manager"), c.getArgs());
        assertTrue(c.getCommand() == null || c.getCommand().isEmpty(), "the image's entrypoint (java … Application) runs it");
        assertTrue(c.getPorts() == null || c.getPorts().isEmpty());

        // The gateway's database settings and credentials; the manager's details as files of the bootstrap Secret.
        List<Map<String, Object>> together = new ArrayList<>(Kustomize.withoutKubectl(Repo.K8S.resolve("overlays/prod")));
        together.addAll(Yaml.loadAll(file));
        Manifests prod = Manifests.of("prod + bootstrap job", together);
        List<String> envProblems = new ArrayList<>();
        Map<String, String> env = CHECKS.environment(prod, c, envProblems);
        assertTrue(envProblems.isEmpty(), String.join("\n", envProblems));
        Map<String, String> gatewayEnv = CHECKS.environment(prod, deployment(prod, "gateway").getSpec().getTemplate().getSpec().getContainers().get(0), envProblems);
        for (String name : List.of("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD", "MICRONAUT_ENVIRONMENTS")) {
            assertEquals(gatewayEnv.get(name), env.get(name), name);
        }
        assertEquals("secret:quadrant-gateway-db/password", env.get("DATASOURCES_DEFAULT_PASSWORD"));
        Volume secret = w.spec().getVolumes().stream().filter(v -> v.getSecret() != null).findFirst().orElseThrow();
        assertEquals("quadrant-bootstrap-manager", secret.getSecret().getSecretName());
        VolumeMount mount = c.getVolumeMounts().stream().filter(vm -> vm.getName().equals(secret.getName())).findFirst().orElseThrow();
        assertTrue(mount.getReadOnly());
        Map<String, String> keyOf = Map.of("QUADRANT_BOOTSTRAP_USERNAME_FILE", "username",
                "QUADRANT_BOOTSTRAP_DISPLAY_NAME_FILE", "display-name", "QUADRANT_BOOTSTRAP_PASSWORD_FILE", "password");
        keyOf.forEach((variable, key) -> {
            assertEquals(mount.getMountPath() + "/" + key, env.get(variable), variable);
            assertTrue(Repo.secretKeys().get("quadrant-bootstrap-manager").contains(key), key + " is in the Secret's template");
        });
        assertFalse(env.containsKey("QUADRANT_BOOTSTRAP_PASSWORD"), "the password is never an environment value");

        // Not one of the gateway's pods (its Service and PDB must not pick it), and it reaches gateway-db only.
        assertFalse(w.labels().entrySet().containsAll(
                prod.all(io.fabric8.kubernetes.api.model.Service.class).stream().filter(sv -> sv.getMetadata().getName().equals("gateway"))
                        .findFirst().orElseThrow().getSpec().getSelector().entrySet()));
        String self = w.labels().get("app.kubernetes.io/name");
        Set<String> edges = NetworkModel.edges(prod).stream().filter(e -> e.startsWith(self + " ") || e.contains("> " + self + ":"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of(self + " -> gateway-db:3306/TCP", self + " -> kube-dns:53/TCP", self + " -> kube-dns:53/UDP")), edges);
    }

    @Test
    void noManifestHoldsTheDemoPasswordAndDevTakesItFromASecret() throws IOException {
        String literal = CHECKS.publicDemoPassword;
        assertFalse(literal.isBlank(), "the gateway's public default is found");
        for (Path f : Repo.yamlFiles()) {
            assertFalse(Files.readString(f).contains(literal), f + " holds the public demo password");
        }
        Manifests dev = fallback("overlays/dev");
        Map<String, String> env = CHECKS.environment(dev, deployment(dev, "gateway").getSpec().getTemplate().getSpec().getContainers().get(0),
                new ArrayList<>());
        assertEquals("true", env.get("QUADRANT_DEMO_DATA_ENABLED"));
        assertEquals("secret:quadrant-demo-password/password", env.get("QUADRANT_DEMO_PASSWORD"));
        assertFalse(dev.all(Ingress.class).isEmpty(), "dev has an Ingress: that is why");
    }

    @Test
    void managementEndpointsAreOnAPortNoIngressRoutesAndOnlyMonitoringReaches() {
        for (String dir : Repo.RENDERINGS) {
            Manifests m = fallback(dir);
            Set<String> edges = NetworkModel.edges(m);
            for (String app : Checks.MODULES) {
                Container c = deployment(m, app).getSpec().getTemplate().getSpec().getContainers().get(0);
                assertEquals(String.valueOf(Checks.MANAGEMENT_PORT), CHECKS.environment(m, c, new ArrayList<>()).get("QUADRANT_MANAGEMENT_PORT"), app);
                for (var probe : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
                    assertEquals("management", probe.getHttpGet().getPort().getStrVal(), dir + " " + app + " probes the management port");
                }
                String suffix = " -> " + app + ":" + Checks.MANAGEMENT_PORT + "/TCP";
                assertEquals(Set.of("prometheus" + suffix), edges.stream().filter(e -> e.endsWith(suffix)).collect(Collectors.toSet()),
                        dir + ": only Prometheus (namespace monitoring) reaches " + app + "'s management port");
            }
            for (Ingress in : m.all(Ingress.class)) {
                in.getSpec().getRules().forEach(r -> r.getHttp().getPaths().forEach(path ->
                        assertEquals("http", path.getBackend().getService().getPort().getName(), dir + ": the Ingress routes the app port only")));
            }
            assertTrue(CHECKS.managementPort(m).isEmpty(), dir + ": " + CHECKS.managementPort(m));
        }
    }

    @Test
    void secretTemplatesHoldNoValues() {
        assertFalse(Repo.secretTemplates().isEmpty());
        List<String> problems = Checks.secretValues(Repo.secretTemplates());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // Every Secret the manifests use has a template, with the keys they read (requiredEnv checks the keys).
        assertTrue(Repo.secretKeys().keySet().containsAll(List.of("quadrant-gateway-db", "quadrant-indicators-db",
                "quadrant-audits-db", "quadrant-actions-db", "quadrant-gateway-signing-key", "quadrant-demo-password",
                "quadrant-bootstrap-manager", "quadrant-gateway-mail")));
    }

    @Test
    void theGatewaySendsRemindersBySmtpWithTlsAndItsCredentialsFromASecret() {
        for (String dir : List.of("base", "overlays/prod")) {
            Manifests m = fallback(dir);
            Map<String, String> cfg = config(m, "gateway");
            assertEquals("smtp", cfg.get("QUADRANT_NOTIFICATIONS_TRANSPORT"), dir);
            assertFalse(cfg.getOrDefault("QUADRANT_SMTP_HOST", "").isBlank(), dir);
            assertEquals("starttls", cfg.get("QUADRANT_SMTP_TLS"), dir + ": nothing in clear");
            assertTrue(cfg.getOrDefault("QUADRANT_MAIL_FROM", "").contains("@"), dir);
            for (String secret : List.of("QUADRANT_SMTP_USERNAME", "QUADRANT_SMTP_PASSWORD", "QUADRANT_NOTIFY_API_KEY")) {
                assertFalse(cfg.containsKey(secret), dir + ": " + secret + " is not in the ConfigMap");
                var ref = deployment(m, "gateway").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                        .filter(e -> e.getName().equals(secret)).findFirst().orElseThrow().getValueFrom().getSecretKeyRef();
                assertEquals("quadrant-gateway-mail", ref.getName(), secret);
                assertTrue(ref.getOptional(), secret + ": optional, the other transport's keys need not exist");
            }
        }
        // dev runs demo users with demo addresses: what would be sent stays on /admin/outbox
        assertEquals("outbox", config(fallback("overlays/dev"), "gateway").get("QUADRANT_NOTIFICATIONS_TRANSPORT"));
    }

    @Test
    void onlyTheGatewayReachesTheMailRelayAndOnlyOnItsPort() {
        for (String dir : Repo.RENDERINGS) {
            Set<String> edges = NetworkModel.edges(fallback(dir));
            Set<String> outward = edges.stream().filter(e -> e.contains("-> mail-relay:") || e.contains("-> internet:"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("gateway -> internet:443/TCP", "gateway -> mail-relay:587/TCP"), outward, dir);
        }
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
