package uk.org.quadrant.k8s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each check must be able to fail: every case takes the prod rendering, breaks it with one file from
 * src/test/resources/broken (strategic merge patches onto existing objects, new objects added,
 * "$patch: delete" removing one), and asserts that the named check reports the breakage, while the
 * unbroken rendering passes the same check (ManifestsTest).
 */
class BrokenManifestsTest {
    static final Checks CHECKS = ManifestsTest.CHECKS;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-field.yaml                    | objects                | unknown field(s) [readinessProbs]
            unknown-kind.yaml                     | objects                | unknown apiVersion/kind apps/v1 Deploymnt
            no-readiness-probe.yaml               | probesAndResources     | indicators-service: no readinessProbe
            wrong-probe-path.yaml                 | probesAndResources     | readinessProbe must GET /health/readiness
            no-limits.yaml                        | probesAndResources     | actions-service: no memory limit
            job-without-deadline.yaml             | probesAndResources     | CronJob/quadrant-backup: a job without activeDeadlineSeconds
            privilege-escalation.yaml             | podSecurity            | gateway: allowPrivilegeEscalation must be false
            writable-root.yaml                    | podSecurity            | indicators-service: readOnlyRootFilesystem must be true
            root-user.yaml                        | podSecurity            | gateway: runAsNonRoot must be true
            capabilities.yaml                     | podSecurity            | audits-service: capabilities must drop ALL
            token-mounted.yaml                    | podSecurity            | Deployment/actions-service: automountServiceAccountToken must be false
            foreign-image.yaml                    | images                 | image nginx:latest is not <registry>/quadrant-gateway:<tag>
            unpinned-db-image.yaml                | images                 | image mariadb:latest is neither ours nor one of the pinned
            wrong-service-selector.yaml           | selectorsAndReferences | Service/indicators-service: selector {app.kubernetes.io/name=indicator-service} matches no
            wrong-container-port.yaml             | appPorts               | Deployment/indicators-service: container port(s) [9081] differ
            open-to-namespace.yaml                | networkPolicies        | gap: stranger-pod-in-quadrant -> indicators-service:8081/TCP
            db-reachable-by-another-service.yaml  | networkPolicies        | gap: audits-service -> indicators-db:3306/TCP
            no-default-deny.yaml                  | networkPolicies        | no default-deny NetworkPolicy
            jwks-blocked.yaml                     | networkPolicies        | blocked: indicators-service -> gateway:8080/TCP
            missing-jwks-url.yaml                 | requiredEnv            | Deployment/indicators-service: QUADRANT_JWKS_URL is not set
            missing-signing-key.yaml              | requiredEnv            | Deployment/gateway: none of [QUADRANT_AUTH_SIGNING_KEY, QUADRANT_AUTH_SIGNING_KEY_FILE] is set
            missing-database-url.yaml             | requiredEnv            | Deployment/audits-service: DATASOURCES_DEFAULT_URL is not set
            wrong-service-url.yaml                | requiredEnv            | QUADRANT_INDICATORS_URL=http://indicators-service:8080 names no Service indicators-service with port 8080
            password-in-env.yaml                  | noSecretsInClear       | DATASOURCES_DEFAULT_PASSWORD has a literal value that looks secret
            password-in-configmap.yaml            | noSecretsInClear       | ConfigMap/gateway-config: DATASOURCES_DEFAULT_URL looks secret
            secret-with-value.yaml                | noSecretsInClear       | Secret/quadrant-audits-db: password has a value
            probe-on-app-port.yaml                | managementPort         | Deployment/gateway: readinessProbe must use the management port 8090
            ingress-to-management.yaml            | managementPort         | Ingress/gateway: backend gateway management routes to a management port
            management-open-to-ingress.yaml       | managementPort         | NetworkPolicy: ingress-controller -> gateway:8090/TCP reaches the management port
            management-open-to-ingress.yaml       | networkPolicies        | gap: ingress-controller -> gateway:8090/TCP
            management-port-unset.yaml            | managementPort         | Deployment/audits-service: QUADRANT_MANAGEMENT_PORT is not set to a port
            management-port-unset.yaml            | requiredEnv            | Deployment/audits-service: QUADRANT_MANAGEMENT_PORT is not set
            scrape-annotation-on-app-port.yaml    | managementPort         | Deployment/actions-service: prometheus.io/port 8083 is not the management port
            demo-password-in-manifest.yaml        | demoPassword           | Ingress/gateway: contains the public demo password
            demo-users-on-public-default.yaml     | demoPassword           | Deployment/gateway: creates demo users without QUADRANT_DEMO_PASSWORD from a Secret
            """)
    void theCheckCatchesIt(String file, String check, String expected) {
        List<Map<String, Object>> objects = Kustomize.withoutKubectl(Repo.K8S.resolve("overlays/prod"));
        for (Map<String, Object> doc : Yaml.loadAll(Path.of("src/test/resources/broken", file))) {
            breakWith(objects, doc);
        }
        Manifests broken = Manifests.of(file, objects);
        Function<Manifests, List<String>> run = switch (check) {
            case "objects" -> CHECKS::objects;
            case "podSecurity" -> CHECKS::podSecurity;
            case "probesAndResources" -> CHECKS::probesAndResources;
            case "images" -> CHECKS::images;
            case "selectorsAndReferences" -> CHECKS::selectorsAndReferences;
            case "appPorts" -> CHECKS::appPorts;
            case "requiredEnv" -> CHECKS::requiredEnv;
            case "networkPolicies" -> CHECKS::networkPolicies;
            case "noSecretsInClear" -> CHECKS::noSecretsInClear;
            case "managementPort" -> CHECKS::managementPort;
            case "demoPassword" -> CHECKS::demoPassword;
            default -> throw new IllegalArgumentException(check);
        };
        List<String> found = run.apply(broken);
        assertTrue(found.stream().anyMatch(p -> p.contains(expected)),
                check + " did not report \"" + expected + "\" for " + file + "; it reported:\n  " + String.join("\n  ", found));
    }

    private static void breakWith(List<Map<String, Object>> objects, Map<String, Object> doc) {
        String kind = String.valueOf(doc.get("kind"));
        String name = String.valueOf(Yaml.at(doc, "metadata.name"));
        boolean exists = objects.stream().anyMatch(o -> kind.equals(o.get("kind")) && name.equals(Yaml.at(o, "metadata.name")));
        if ("delete".equals(doc.get("$patch"))) {
            objects.removeIf(o -> kind.equals(o.get("kind")) && name.equals(Yaml.at(o, "metadata.name")));
        } else if (exists) {
            Kustomize.applyPatch(objects, doc);
        } else {
            objects.add(new ArrayList<>(List.of(doc)).get(0));
        }
    }
}
