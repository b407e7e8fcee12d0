package uk.org.quadrant.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Evaluates the NetworkPolicies of one rendering the way a conforming network plugin would, for every
 * pair of (workload or outside party) and (workload or outside party, port): a connection is open only
 * if the receiver's policies admit it (or none selects the receiver for ingress) and the sender's
 * policies let it out (or none selects the sender for egress). The result is a set of edges
 * "from -> to:port/protocol" to compare with the intended ones.
 */
final class NetworkModel {
    static final String NAMESPACE = "quadrant";

    /** A pod: in a namespace, with labels; or, with a null namespace, an address outside the cluster. */
    record Party(String id, String namespace, Map<String, String> labels, List<String> ports) {
        boolean outsideCluster() {
            return namespace == null;
        }
    }

    /** Parties outside the rendering that policies may name, and strangers that no policy should admit. */
    static final List<Party> OUTSIDERS = List.of(
            new Party("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"),
                    List.of("80/TCP", "443/TCP")),
            new Party("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), List.of("9090/TCP")),
            new Party("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), List.of("53/UDP", "53/TCP")),
            new Party("stranger-pod-in-quadrant", NAMESPACE, Map.of("app", "stranger"), List.of("8080/TCP", "443/TCP")),
            new Party("stranger-pod-elsewhere", "default", Map.of("app", "stranger"), List.of("8080/TCP", "443/TCP")),
            new Party("internet", null, Map.of(), List.of("80/TCP", "443/TCP", "53/UDP")),
            // the SMTP relay the gateway sends reminders through, outside the namespace
            new Party("mail-relay", null, Map.of(), List.of("25/TCP", "465/TCP", "587/TCP")));

    private NetworkModel() {
    }

    static Set<String> edges(Manifests m) {
        List<Party> inside = new ArrayList<>();
        for (Manifests.Workload w : m.workloads()) {
            List<String> ports = new ArrayList<>();
            for (Container c : w.spec().getContainers()) {
                for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                    ports.add(p.getContainerPort() + "/" + Objects.requireNonNullElse(p.getProtocol(), "TCP"));
                }
            }
            inside.add(new Party(w.labels().getOrDefault("app.kubernetes.io/name", w.name()), NAMESPACE, w.labels(), ports));
        }
        List<Party> everyone = new ArrayList<>(inside);
        everyone.addAll(OUTSIDERS);
        List<NetworkPolicy> policies = m.all(NetworkPolicy.class);

        Set<String> edges = new TreeSet<>();
        for (Party from : everyone) {
            for (Party to : everyone) {
                if (from == to || (!inside.contains(from) && !inside.contains(to))) {
                    continue; // only traffic that starts or ends in Quadrant's namespace is ours to judge
                }
                for (String port : to.ports()) {
                    boolean out = !inside.contains(from) || allows(policies, from, to, port, false);
                    boolean in = !inside.contains(to) || allows(policies, to, from, port, true);
                    if (out && in && !from.id().equals(to.id())) {
                        edges.add(from.id() + " -> " + to.id() + ":" + port);
                    }
                }
            }
        }
        return edges;
    }

    /** Whether the policies selecting {@code subject} let traffic in from (or out to) {@code peer} on port. */
    private static boolean allows(List<NetworkPolicy> policies, Party subject, Party peer, String port, boolean ingress) {
        String type = ingress ? "Ingress" : "Egress";
        boolean selected = false;
        for (NetworkPolicy p : policies) {
            if (!matches(p.getSpec().getPodSelector(), subject.labels()) || !policyTypes(p).contains(type)) {
                continue;
            }
            selected = true;
            if (ingress) {
                for (var rule : Objects.requireNonNullElse(p.getSpec().getIngress(), List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of())) {
                    if (portMatches(rule.getPorts(), port, subject) && peersMatch(rule.getFrom(), peer)) {
                        return true;
                    }
                }
            } else {
                for (var rule : Objects.requireNonNullElse(p.getSpec().getEgress(), List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of())) {
                    if (portMatches(rule.getPorts(), port, peer) && peersMatch(rule.getTo(), peer)) {
                        return true;
                    }
                }
            }
        }
        return !selected;
    }

    private static Set<String> policyTypes(NetworkPolicy p) {
        if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
            return Set.copyOf(p.getSpec().getPolicyTypes());
        }
        return p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty()
                ? Set.of("Ingress", "Egress") : Set.of("Ingress");
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Party party) {
        if (peers == null || peers.isEmpty()) {
            return true; // no "from"/"to": everyone
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (party.outsideCluster()) {
                    return true;
                }
                continue;
            }
            if (party.outsideCluster()) {
                continue;
            }
            boolean nsOk = peer.getNamespaceSelector() == null
                    ? NAMESPACE.equals(party.namespace())
                    : matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", party.namespace()));
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), party.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, String port, Party receiver) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        int number = Integer.parseInt(port.substring(0, port.indexOf('/')));
        String protocol = port.substring(port.indexOf('/') + 1);
        for (NetworkPolicyPort p : ports) {
            if (!Objects.requireNonNullElse(p.getProtocol(), "TCP").equals(protocol)) {
                continue;
            }
            IntOrString ps = p.getPort();
            if (ps == null) {
                return true;
            }
            if (ps.getIntVal() != null) {
                int end = p.getEndPort() != null ? p.getEndPort() : ps.getIntVal();
                if (number >= ps.getIntVal() && number <= end) {
                    return true;
                }
            } else {
                // A named port: conservatively, any port of the receiver could carry that name.
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement r : Objects.requireNonNullElse(selector.getMatchExpressions(), List.<LabelSelectorRequirement>of())) {
            String v = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> v != null && r.getValues().contains(v);
                case "NotIn" -> v == null || !r.getValues().contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
