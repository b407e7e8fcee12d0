package uk.org.quadrant.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The rules every rendering of k8s/ must satisfy. Each check returns its findings ("kind/name: what is
 * wrong"); an empty list means it passed. The negative tests feed each one a broken manifest.
 */
final class Checks {
    /** The four modules that ship as images; each runs as a Deployment of the same name. */
    static final List<String> MODULES = List.of("gateway", "indicators-service", "audits-service", "actions-service");
    /** Our images: <registry>/quadrant-<module>:<tag>, the Jib naming of the root pom. */
    static final Pattern OUR_IMAGE = Pattern.compile("^[a-z0-9.\\-:/]+/quadrant-([a-z-]+):([A-Za-z0-9_.\\-]+)$");
    /** The only images not built here: pinned, never "latest". */
    static final Set<String> THIRD_PARTY_IMAGES = Set.of("docker.io/library/mariadb:10.11.13");
    /** The port the manifests give the apps' management endpoints (QUADRANT_MANAGEMENT_PORT). */
    static final int MANAGEMENT_PORT = 8090;
    /** Who may talk to whom: anything more is a gap, anything less breaks the suite. */
    static final Set<String> EXPECTED_EDGES = expectedEdges();

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|CREDENTIALS?|API_KEY|SIGNING_KEY)$");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?is).*(-----BEGIN [A-Z ]*PRIVATE KEY-----|\"d\"\\s*:\\s*\"|[?&;]password=[^&;]+|://[^/@:\\s]+:[^/@\\s]+@).*");
    private static final Pattern PLACEHOLDER_VALUE = Pattern.compile("^(|CHANGE[-_]?ME.*|<[^>]*>)$");
    private static final Pattern URL = Pattern.compile("^(?:https?|jdbc:mysql|jdbc:mariadb)://([a-z0-9-]+)(?::(\\d+))?(?:/.*)?$");

    final Path repoRoot;
    final Map<String, AppConfig> apps = new LinkedHashMap<>();
    /** Secret name -> keys, from the templates in k8s/secrets (the Secrets operators create). */
    final Map<String, Set<String>> secretKeys;
    /** The demo users' password when QUADRANT_DEMO_PASSWORD is unset: public (it is in the repository). */
    final String publicDemoPassword;

    Checks(Path repoRoot, Map<String, Set<String>> secretKeys) {
        this.repoRoot = repoRoot;
        this.secretKeys = secretKeys;
        for (String module : MODULES) {
            apps.put(module, AppConfig.load(repoRoot, module));
        }
        this.publicDemoPassword = publicDemoPassword(repoRoot);
    }

    static String publicDemoPassword(Path repoRoot) {
        try {
            String yml = java.nio.file.Files.readString(repoRoot.resolve("gateway/src/main/resources/application.yml"));
            Matcher m = Pattern.compile("\\$\\{QUADRANT_DEMO_PASSWORD:`?([^`}]*)`?}").matcher(yml);
            return m.find() ? m.group(1).trim() : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** All checks, by name. */
    Map<String, List<String>> all(Manifests m) {
        Map<String, List<String>> r = new LinkedHashMap<>();
        r.put("objects", objects(m));
        r.put("podSecurity", podSecurity(m));
        r.put("probesAndResources", probesAndResources(m));
        r.put("images", images(m));
        r.put("selectorsAndReferences", selectorsAndReferences(m));
        r.put("appPorts", appPorts(m));
        r.put("requiredEnv", requiredEnv(m));
        r.put("networkPolicies", networkPolicies(m));
        r.put("noSecretsInClear", noSecretsInClear(m));
        r.put("managementPort", managementPort(m));
        r.put("demoPassword", demoPassword(m));
        return r;
    }

    /** Valid objects of known kinds with no unknown fields. */
    List<String> objects(Manifests m) {
        return new ArrayList<>(m.parseProblems);
    }

    /** The "restricted" Pod Security Standard and more: read-only root, no token, /tmp on an emptyDir. */
    List<String> podSecurity(Manifests m) {
        List<String> p = new ArrayList<>();
        for (Manifests.Workload w : m.workloads()) {
            String id = w.kind() + "/" + w.name();
            PodSpec s = w.spec();
            PodSecurityContext psc = Objects.requireNonNullElse(s.getSecurityContext(), new PodSecurityContext());
            if (!Boolean.FALSE.equals(s.getAutomountServiceAccountToken())) {
                p.add(id + ": automountServiceAccountToken must be false");
            }
            if (Boolean.TRUE.equals(s.getHostNetwork()) || Boolean.TRUE.equals(s.getHostPID()) || Boolean.TRUE.equals(s.getHostIPC())) {
                p.add(id + ": uses a host namespace");
            }
            for (Volume v : list(s.getVolumes())) {
                if (v.getHostPath() != null) {
                    p.add(id + ": hostPath volume " + v.getName());
                }
            }
            if (psc.getRunAsUser() != null && psc.getRunAsUser() == 0) {
                p.add(id + ": runs as root (pod runAsUser 0)");
            }
            List<Container> containers = new ArrayList<>(list(s.getContainers()));
            containers.addAll(list(s.getInitContainers()));
            for (Container c : containers) {
                String cid = id + " container " + c.getName();
                SecurityContext sc = Objects.requireNonNullElse(c.getSecurityContext(), new SecurityContext());
                boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : Boolean.TRUE.equals(psc.getRunAsNonRoot());
                if (!nonRoot) {
                    p.add(cid + ": runAsNonRoot must be true");
                }
                if (sc.getRunAsUser() != null && sc.getRunAsUser() == 0) {
                    p.add(cid + ": runs as root (runAsUser 0)");
                }
                SeccompProfile seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : psc.getSeccompProfile();
                if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
                    p.add(cid + ": seccompProfile must be RuntimeDefault");
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    p.add(cid + ": allowPrivilegeEscalation must be false");
                }
                if (Boolean.TRUE.equals(sc.getPrivileged())) {
                    p.add(cid + ": privileged");
                }
                Capabilities caps = sc.getCapabilities();
                if (caps == null || !list(caps.getDrop()).contains("ALL")) {
                    p.add(cid + ": capabilities must drop ALL");
                }
                if (caps != null && !list(caps.getAdd()).isEmpty()) {
                    p.add(cid + ": adds capabilities " + caps.getAdd());
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    p.add(cid + ": readOnlyRootFilesystem must be true");
                } else if (list(c.getVolumeMounts()).stream().noneMatch(vm -> "/tmp".equals(vm.getMountPath())
                        && list(s.getVolumes()).stream().anyMatch(v -> v.getName().equals(vm.getName()) && v.getEmptyDir() != null))) {
                    p.add(cid + ": read-only root file system but no emptyDir at /tmp");
                }
            }
        }
        return p;
    }

    /** Requests and limits everywhere; long-running pods have startup, readiness and liveness probes. */
    List<String> probesAndResources(Manifests m) {
        List<String> p = new ArrayList<>();
        for (Manifests.Workload w : m.workloads()) {
            String id = w.kind() + "/" + w.name();
            for (Container c : list(w.spec().getContainers())) {
                String cid = id + " container " + c.getName();
                ResourceRequirements r = c.getResources();
                for (String what : List.of("cpu", "memory")) {
                    Quantity req = r == null || r.getRequests() == null ? null : r.getRequests().get(what);
                    Quantity lim = r == null || r.getLimits() == null ? null : r.getLimits().get(what);
                    if (req == null) {
                        p.add(cid + ": no " + what + " request");
                    }
                    if (lim == null) {
                        p.add(cid + ": no " + what + " limit");
                    }
                    if (req != null && lim != null && req.getNumericalAmount().compareTo(lim.getNumericalAmount()) > 0) {
                        p.add(cid + ": " + what + " request above its limit");
                    }
                }
                if (w.longRunning()) {
                    if (c.getStartupProbe() == null) {
                        p.add(cid + ": no startupProbe");
                    }
                    if (c.getReadinessProbe() == null) {
                        p.add(cid + ": no readinessProbe");
                    }
                    if (c.getLivenessProbe() == null) {
                        p.add(cid + ": no livenessProbe");
                    }
                    if (MODULES.contains(w.name())) {
                        expectHttp(p, cid, "readinessProbe", c.getReadinessProbe(), "/health/readiness", c);
                        expectHttp(p, cid, "livenessProbe", c.getLivenessProbe(), "/health/liveness", c);
                        expectHttp(p, cid, "startupProbe", c.getStartupProbe(), null, c);
                    }
                }
            }
            if (w.owner() instanceof Job j && j.getSpec().getActiveDeadlineSeconds() == null
                    || w.owner() instanceof CronJob cj && cj.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds() == null) {
                p.add(id + ": a job without activeDeadlineSeconds can hang for ever");
            }
        }
        return p;
    }

    private static void expectHttp(List<String> p, String cid, String which, Probe probe, String path, Container c) {
        if (probe == null) {
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null) {
            p.add(cid + ": " + which + " must be an HTTP GET of the health endpoint");
            return;
        }
        if (path != null && !path.equals(get.getPath())) {
            p.add(cid + ": " + which + " must GET " + path + ", not " + get.getPath());
        }
        if (path == null && !List.of("/health/liveness", "/health/readiness").contains(get.getPath())) {
            p.add(cid + ": " + which + " must GET /health/liveness or /health/readiness");
        }
        boolean portKnown = list(c.getPorts()).stream().anyMatch(cp -> get.getPort() != null
                && (Objects.equals(cp.getName(), get.getPort().getStrVal()) || Objects.equals(cp.getContainerPort(), get.getPort().getIntVal())));
        if (!portKnown) {
            p.add(cid + ": " + which + " port " + get.getPort() + " is not a port of the container");
        }
    }

    /** Only our images (matching the workload) and the pinned third-party ones. */
    List<String> images(Manifests m) {
        List<String> p = new ArrayList<>();
        for (Manifests.Workload w : m.workloads()) {
            List<Container> containers = new ArrayList<>(list(w.spec().getContainers()));
            containers.addAll(list(w.spec().getInitContainers()));
            for (Container c : containers) {
                String cid = w.kind() + "/" + w.name() + " container " + c.getName();
                String image = Objects.requireNonNullElse(c.getImage(), "");
                Matcher ours = OUR_IMAGE.matcher(image);
                if (MODULES.contains(w.name())) {
                    if (!ours.matches() || !ours.group(1).equals(w.name())) {
                        p.add(cid + ": image " + image + " is not <registry>/quadrant-" + w.name() + ":<tag>");
                    } else if (ours.group(2).equals("latest")) {
                        p.add(cid + ": image tag 'latest' is not a version");
                    }
                } else if (!THIRD_PARTY_IMAGES.contains(image)) {
                    p.add(cid + ": image " + image + " is neither ours nor one of the pinned " + THIRD_PARTY_IMAGES);
                }
            }
        }
        return p;
    }

    /** Services, PDBs and HPAs point at workloads that exist; ingress backends at services and ports that exist. */
    List<String> selectorsAndReferences(Manifests m) {
        List<String> p = new ArrayList<>();
        List<Manifests.Workload> workloads = m.workloads();
        for (Service s : m.all(Service.class)) {
            String id = "Service/" + s.getMetadata().getName();
            Map<String, String> sel = s.getSpec().getSelector();
            List<Manifests.Workload> hit = workloads.stream()
                    .filter(w -> sel != null && !sel.isEmpty() && w.labels().entrySet().containsAll(sel.entrySet())).toList();
            if (hit.isEmpty()) {
                p.add(id + ": selector " + sel + " matches no Deployment/StatefulSet");
                continue;
            }
            for (ServicePort sp : list(s.getSpec().getPorts())) {
                boolean found = hit.stream().flatMap(w -> list(w.spec().getContainers()).stream())
                        .flatMap(c -> list(c.getPorts()).stream())
                        .anyMatch(cp -> sp.getTargetPort() == null ? Objects.equals(cp.getContainerPort(), sp.getPort())
                                : Objects.equals(cp.getName(), sp.getTargetPort().getStrVal())
                                || Objects.equals(cp.getContainerPort(), sp.getTargetPort().getIntVal()));
                if (!found) {
                    p.add(id + ": port " + sp.getName() + " targets " + sp.getTargetPort() + ", which no selected container has");
                }
            }
        }
        for (PodDisruptionBudget b : m.all(PodDisruptionBudget.class)) {
            if (workloads.stream().noneMatch(w -> NetworkModel.matches(b.getSpec().getSelector(), w.labels()))
                    || b.getSpec().getSelector() == null) {
                p.add("PodDisruptionBudget/" + b.getMetadata().getName() + ": selector matches no workload");
            }
        }
        for (HorizontalPodAutoscaler h : m.all(HorizontalPodAutoscaler.class)) {
            var ref = h.getSpec().getScaleTargetRef();
            if (workloads.stream().noneMatch(w -> w.kind().equals(ref.getKind()) && w.name().equals(ref.getName()))) {
                p.add("HorizontalPodAutoscaler/" + h.getMetadata().getName() + ": no " + ref.getKind() + "/" + ref.getName());
            }
        }
        for (Ingress in : m.all(Ingress.class)) {
            for (IngressRule rule : list(in.getSpec().getRules())) {
                for (var path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    Optional<Service> svc = m.all(Service.class).stream()
                            .filter(s -> s.getMetadata().getName().equals(backend.getName())).findFirst();
                    if (svc.isEmpty() || list(svc.get().getSpec().getPorts()).stream().noneMatch(sp ->
                            Objects.equals(sp.getName(), backend.getPort().getName()) || Objects.equals(sp.getPort(), backend.getPort().getNumber()))) {
                        p.add("Ingress/" + in.getMetadata().getName() + ": backend " + backend.getName() + " " + backend.getPort() + " does not exist");
                    }
                }
            }
        }
        return p;
    }

    /** The container port is the port the app listens on (its application.yml, or the variable the manifest sets). */
    List<String> appPorts(Manifests m) {
        List<String> p = new ArrayList<>();
        for (String module : MODULES) {
            Optional<Manifests.Workload> w = deployment(m, module);
            if (w.isEmpty()) {
                p.add("Deployment/" + module + ": missing");
                continue;
            }
            AppConfig app = apps.get(module);
            Container c = w.get().spec().getContainers().get(0);
            Map<String, String> env = environment(m, c, new ArrayList<>());
            String set = env.get(app.portVariable());
            int listens = set != null && set.matches("\\d+") ? Integer.parseInt(set) : app.defaultPort();
            if (listens != app.defaultPort()) {
                p.add("Deployment/" + module + ": " + app.portVariable() + "=" + set + " moves the app off its documented port " + app.defaultPort());
            }
            String management = env.get(app.managementPortVariable());
            List<ContainerPort> ports = list(c.getPorts()).stream()
                    .filter(cp -> !("management".equals(cp.getName()) && String.valueOf(cp.getContainerPort()).equals(management)))
                    .toList();
            if (ports.isEmpty() || ports.stream().anyMatch(cp -> cp.getContainerPort() != listens)) {
                p.add("Deployment/" + module + ": container port(s) " + ports.stream().map(ContainerPort::getContainerPort).toList()
                        + " differ from the port the app listens on, " + listens + " (" + app.portVariable() + ")");
            }
        }
        return p;
    }

    /** Every variable the app needs in production is set; URLs name services and ports that exist. */
    List<String> requiredEnv(Manifests m) {
        List<String> p = new ArrayList<>();
        for (String module : MODULES) {
            Optional<Manifests.Workload> w = deployment(m, module);
            if (w.isEmpty()) {
                continue; // appPorts reports it
            }
            AppConfig app = apps.get(module);
            String id = "Deployment/" + module;
            Container c = w.get().spec().getContainers().get(0);
            Map<String, String> env = environment(m, c, p);
            for (String name : app.requiredEnv()) {
                String v = env.get(name);
                if (v == null || v.isBlank()) {
                    p.add(id + ": " + name + " is not set (its default in " + module + "/src/main/resources/application.yml is not for production)");
                }
            }
            for (Set<String> oneOf : app.requiredOneOf()) {
                if (oneOf.stream().noneMatch(n -> env.get(n) != null && !env.get(n).isBlank())) {
                    p.add(id + ": none of " + new TreeSet<>(oneOf) + " is set");
                }
            }
            String keyFile = env.get("QUADRANT_AUTH_SIGNING_KEY_FILE");
            if (keyFile != null && list(c.getVolumeMounts()).stream().noneMatch(vm -> keyFile.startsWith(vm.getMountPath() + "/")
                    && list(w.get().spec().getVolumes()).stream().anyMatch(v -> v.getName().equals(vm.getName()) && v.getSecret() != null))) {
                p.add(id + ": QUADRANT_AUTH_SIGNING_KEY_FILE " + keyFile + " is not on a mounted Secret");
            }
            for (Map.Entry<String, String> e : env.entrySet()) {
                Matcher u = URL.matcher(e.getValue());
                if (!u.matches()) {
                    continue;
                }
                String host = u.group(1);
                Optional<Service> svc = m.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(host)).findFirst();
                int port = u.group(2) != null ? Integer.parseInt(u.group(2)) : 80;
                if (svc.isEmpty() || list(svc.get().getSpec().getPorts()).stream().noneMatch(sp -> sp.getPort() == port)) {
                    p.add(id + ": " + e.getKey() + "=" + e.getValue() + " names no Service " + host + " with port " + port);
                }
            }
            for (Volume v : list(w.get().spec().getVolumes())) {
                if (v.getSecret() != null) {
                    Set<String> keys = secretKeys.get(v.getSecret().getSecretName());
                    if (keys == null) {
                        p.add(id + ": volume " + v.getName() + " mounts Secret " + v.getSecret().getSecretName() + ", which has no template in k8s/secrets");
                    }
                }
            }
        }
        return p;
    }

    /** The environment of a container as the kubelet would build it (secret values shown as secret:name/key). */
    Map<String, String> environment(Manifests m, Container c, List<String> problems) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : list(c.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                Optional<ConfigMap> cm = m.configMap(from.getConfigMapRef().getName());
                if (cm.isEmpty()) {
                    problems.add("container " + c.getName() + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
                } else if (cm.get().getData() != null) {
                    env.putAll(cm.get().getData());
                }
            }
            if (from.getSecretRef() != null) {
                for (String key : secretKeys.getOrDefault(from.getSecretRef().getName(), Set.of())) {
                    env.put(key, "secret:" + from.getSecretRef().getName() + "/" + key);
                }
            }
        }
        for (EnvVar e : list(c.getEnv())) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), Objects.requireNonNullElse(e.getValue(), ""));
            } else if (e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                if (!secretKeys.getOrDefault(ref.getName(), Set.of()).contains(ref.getKey())) {
                    problems.add("container " + c.getName() + ": " + e.getName() + " refers to Secret " + ref.getName()
                            + " key " + ref.getKey() + ", which no template in k8s/secrets has");
                }
                env.put(e.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
            } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                env.put(e.getName(), m.configMap(ref.getName()).map(ConfigMap::getData).map(d -> d.get(ref.getKey())).orElse(null));
            } else {
                env.put(e.getName(), "field");
            }
        }
        env.values().removeIf(Objects::isNull);
        return env;
    }

    /** Default deny, and exactly the intended connections (EXPECTED_EDGES): no gap, nothing missing. */
    List<String> networkPolicies(Manifests m) {
        List<String> p = new ArrayList<>();
        boolean denyAll = m.all(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class).stream().anyMatch(np ->
                (np.getSpec().getPodSelector() == null || (list(np.getSpec().getPodSelector().getMatchExpressions()).isEmpty()
                        && (np.getSpec().getPodSelector().getMatchLabels() == null || np.getSpec().getPodSelector().getMatchLabels().isEmpty())))
                        && np.getSpec().getPolicyTypes() != null && np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && list(np.getSpec().getIngress()).isEmpty() && list(np.getSpec().getEgress()).isEmpty());
        if (!denyAll) {
            p.add("no default-deny NetworkPolicy (podSelector {}, Ingress and Egress, no rules)");
        }
        Set<String> actual = NetworkModel.edges(m);
        for (String e : actual) {
            if (!EXPECTED_EDGES.contains(e)) {
                p.add("gap: " + e + " is open but not intended");
            }
        }
        for (String e : EXPECTED_EDGES) {
            if (!actual.contains(e)) {
                p.add("blocked: " + e + " is needed but closed");
            }
        }
        return p;
    }

    /** No secret in a literal env value or ConfigMap; Secrets (if any are rendered) hold placeholders only. */
    List<String> noSecretsInClear(Manifests m) {
        List<String> p = new ArrayList<>();
        for (Manifests.Workload w : m.workloads()) {
            List<Container> containers = new ArrayList<>(list(w.spec().getContainers()));
            containers.addAll(list(w.spec().getInitContainers()));
            for (Container c : containers) {
                for (EnvVar e : list(c.getEnv())) {
                    String v = e.getValue();
                    if (v == null || v.isEmpty()) {
                        continue;
                    }
                    if (SECRET_NAME.matcher(e.getName()).matches() || SECRET_VALUE.matcher(v).matches()) {
                        p.add(w.kind() + "/" + w.name() + " container " + c.getName() + ": " + e.getName()
                                + " has a literal value that looks secret: use valueFrom.secretKeyRef");
                    }
                }
            }
        }
        for (ConfigMap cm : m.all(ConfigMap.class)) {
            if (cm.getData() != null) {
                cm.getData().forEach((k, v) -> {
                    if (!v.isEmpty() && (SECRET_NAME.matcher(k).matches() || SECRET_VALUE.matcher(v).matches())) {
                        p.add("ConfigMap/" + cm.getMetadata().getName() + ": " + k + " looks secret: keep it in a Secret");
                    }
                });
            }
        }
        p.addAll(secretValues(m.all(Secret.class)));
        return p;
    }

    /** Secrets in the repository are templates: every value empty or a placeholder (usernames excepted). */
    static List<String> secretValues(List<Secret> secrets) {
        List<String> p = new ArrayList<>();
        for (Secret s : secrets) {
            Map<String, String> values = new LinkedHashMap<>();
            if (s.getStringData() != null) {
                values.putAll(s.getStringData());
            }
            if (s.getData() != null) {
                values.putAll(s.getData());
            }
            values.forEach((k, v) -> {
                if (!k.equals("username") && !PLACEHOLDER_VALUE.matcher(Objects.requireNonNullElse(v, "")).matches()) {
                    p.add("Secret/" + s.getMetadata().getName() + ": " + k + " has a value; templates must be empty");
                }
            });
        }
        return p;
    }

    /**
     * Health and metrics on a port of their own (QUADRANT_MANAGEMENT_PORT, unlike the app's port), declared
     * as the container port "management"; the probes and the scrape annotation use it; no Ingress routes it;
     * only Prometheus (namespace monitoring) may connect to it.
     */
    List<String> managementPort(Manifests m) {
        List<String> p = new ArrayList<>();
        Map<String, Integer> managementOf = new HashMap<>();
        for (String module : MODULES) {
            Optional<Manifests.Workload> w = deployment(m, module);
            if (w.isEmpty()) {
                continue; // appPorts reports it
            }
            String id = "Deployment/" + module;
            AppConfig app = apps.get(module);
            Container c = w.get().spec().getContainers().get(0);
            Map<String, String> env = environment(m, c, new ArrayList<>());
            String set = env.get(app.managementPortVariable());
            if (set == null || !set.matches("\\d+")) {
                p.add(id + ": " + app.managementPortVariable() + " is not set to a port: health and /prometheus would share the Ingress's port");
                continue;
            }
            int management = Integer.parseInt(set);
            managementOf.put(module, management);
            String main = env.getOrDefault(app.portVariable(), String.valueOf(app.defaultPort()));
            if (set.equals(main)) {
                p.add(id + ": the management port " + set + " is the app's own port");
            }
            if (list(c.getPorts()).stream().noneMatch(cp -> "management".equals(cp.getName()) && cp.getContainerPort() == management)) {
                p.add(id + ": no container port \"management\" " + management);
            }
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("startupProbe", c.getStartupProbe());
            probes.put("readinessProbe", c.getReadinessProbe());
            probes.put("livenessProbe", c.getLivenessProbe());
            probes.forEach((which, probe) -> {
                if (probe != null && probe.getHttpGet() != null && containerPort(c, probe.getHttpGet().getPort()) != management) {
                    p.add(id + ": " + which + " must use the management port " + management + ", not " + probe.getHttpGet().getPort());
                }
            });
            Map<String, String> annotations = w.get().templateMeta() == null || w.get().templateMeta().getAnnotations() == null
                    ? Map.of() : w.get().templateMeta().getAnnotations();
            if ("true".equals(annotations.get("prometheus.io/scrape")) && !set.equals(annotations.get("prometheus.io/port"))) {
                p.add(id + ": prometheus.io/port " + annotations.get("prometheus.io/port") + " is not the management port " + management);
            }
        }
        for (Ingress in : m.all(Ingress.class)) {
            for (IngressRule rule : list(in.getSpec().getRules())) {
                for (var path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    for (Service s : m.all(Service.class)) {
                        if (!s.getMetadata().getName().equals(backend.getName())) {
                            continue;
                        }
                        for (ServicePort sp : list(s.getSpec().getPorts())) {
                            boolean routed = Objects.equals(sp.getName(), backend.getPort().getName())
                                    || Objects.equals(sp.getPort(), backend.getPort().getNumber());
                            if (routed && targetsManagement(m, s, sp, managementOf)) {
                                p.add("Ingress/" + in.getMetadata().getName() + ": backend " + backend.getName() + " "
                                        + (sp.getName() != null ? sp.getName() : sp.getPort()) + " routes to a management port");
                            }
                        }
                    }
                }
            }
        }
        Set<String> edges = NetworkModel.edges(m);
        managementOf.forEach((module, port) -> {
            String suffix = " -> " + module + ":" + port + "/TCP";
            for (String e : edges) {
                if (e.endsWith(suffix) && !e.equals("prometheus" + suffix)) {
                    p.add("NetworkPolicy: " + e + " reaches the management port; only namespace monitoring may");
                }
            }
            if (!edges.contains("prometheus" + suffix)) {
                p.add("NetworkPolicy: prometheus" + suffix + " is closed: nothing can scrape " + module);
            }
        });
        return p;
    }

    private static int containerPort(Container c, io.fabric8.kubernetes.api.model.IntOrString port) {
        if (port == null) {
            return -1;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return list(c.getPorts()).stream().filter(cp -> port.getStrVal().equals(cp.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(-1);
    }

    /** Whether the Service port leads to a container's management port in the pods the Service selects. */
    private static boolean targetsManagement(Manifests m, Service s, ServicePort sp, Map<String, Integer> managementOf) {
        Map<String, String> sel = s.getSpec().getSelector();
        for (Manifests.Workload w : m.workloads()) {
            if (sel == null || sel.isEmpty() || !w.labels().entrySet().containsAll(sel.entrySet())) {
                continue;
            }
            Integer management = managementOf.get(w.name());
            for (Container c : list(w.spec().getContainers())) {
                int target = sp.getTargetPort() == null ? sp.getPort() : containerPort(c, sp.getTargetPort());
                boolean named = sp.getTargetPort() != null && "management".equals(sp.getTargetPort().getStrVal());
                if (named || (management != null && target == management)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The demo users' password is never the public default where the suite can be reached: it appears in
     * no manifest, and a gateway that creates demo users takes QUADRANT_DEMO_PASSWORD from a Secret.
     */
    List<String> demoPassword(Manifests m) {
        List<String> p = new ArrayList<>();
        if (!publicDemoPassword.isEmpty()) {
            for (Map<String, Object> doc : m.raw) {
                if (Manifests.SERIALIZATION.asJson(doc).contains(publicDemoPassword)) {
                    p.add(doc.get("kind") + "/" + Yaml.at(doc, "metadata.name") + ": contains the public demo password");
                }
            }
        }
        Optional<Manifests.Workload> gateway = deployment(m, "gateway");
        if (gateway.isPresent()) {
            Map<String, String> env = environment(m, gateway.get().spec().getContainers().get(0), new ArrayList<>());
            String password = env.get("QUADRANT_DEMO_PASSWORD");
            if ("true".equalsIgnoreCase(env.get("QUADRANT_DEMO_DATA_ENABLED")) && (password == null || !password.startsWith("secret:"))) {
                p.add("Deployment/gateway: creates demo users without QUADRANT_DEMO_PASSWORD from a Secret"
                        + " (the public default would apply behind the Ingress)");
            }
        }
        return p;
    }

    private static Optional<Manifests.Workload> deployment(Manifests m, String name) {
        return m.workloads().stream().filter(w -> w.owner() instanceof Deployment && w.name().equals(name)).findFirst();
    }

    private static Set<String> expectedEdges() {
        Set<String> e = new TreeSet<>();
        Map<String, String> port = Map.of("gateway", "8080", "indicators-service", "8081", "audits-service", "8082",
                "actions-service", "8083");
        e.add("ingress-controller -> gateway:8080/TCP");
        port.forEach((app, p) -> e.add("prometheus -> " + app + ":" + MANAGEMENT_PORT + "/TCP"));
        for (String s : List.of("indicators-service", "audits-service", "actions-service")) {
            e.add(s + " -> gateway:8080/TCP");                       // the JWKS
            e.add("gateway -> " + s + ":" + port.get(s) + "/TCP");
        }
        e.add("actions-service -> indicators-service:8081/TCP");      // success measures
        e.add("audits-service -> actions-service:8083/TCP");          // recommendations
        e.add("actions-service -> audits-service:8082/TCP");          // asking for the recommendation sent
        for (String db : List.of("gateway", "indicators", "audits", "actions")) {
            String owner = db.equals("gateway") ? "gateway" : db + "-service";
            e.add(owner + " -> " + db + "-db:3306/TCP");
            e.add("quadrant-backup -> " + db + "-db:3306/TCP");
        }
        e.add("gateway -> mail-relay:587/TCP");                         // reminders by SMTP
        e.add("gateway -> internet:443/TCP");                            // reminders by GOV.UK Notify
        for (String w : List.of("gateway", "indicators-service", "audits-service", "actions-service", "gateway-db",
                "indicators-db", "audits-db", "actions-db", "quadrant-backup")) {
            e.add(w + " -> kube-dns:53/UDP");
            e.add(w + " -> kube-dns:53/TCP");
        }
        return Set.copyOf(e);
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
