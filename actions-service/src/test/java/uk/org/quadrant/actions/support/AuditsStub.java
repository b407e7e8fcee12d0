package uk.org.quadrant.actions.support;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Answer;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Request;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for audits-service over real HTTP on loopback: {@code GET /api/v1/findings/{id}/recommendation}
 * with audits-service's rules (AuditAccess and RecommendationSender): the board sees every audit, an
 * agency the audits it leads or takes part in; only the board manager or the audit's lead agency
 * (contributor or lead) may send its recommendations. Unseen or unknown: 404; seen but not the
 * caller's to send: 403; not a recommendation: 409; otherwise the recommendation. The caller is read
 * from the token's claims (the real service validates the signature; actions-service already has).
 * Can be made to fail (500), hang past the client's read timeout, answer garbage, or stop listening.
 * Counts requests and records the Authorization header each carried. Served by a {@link ServiceStandIn}
 * (service-common's test-jar); this class holds only audits-service's answers.
 */
public final class AuditsStub implements AutoCloseable {

    /** How the endpoint answers. */
    public enum Mode { OK, ERROR, SLOW, GARBAGE }

    /** One finding of one audit. */
    public record Finding(long id, long auditId, String auditTitle, String auditLead, Set<String> participants, String kind,
                          String text, String agency) {

        public String sourceRef() {
            return "audits:finding:" + id;
        }

        public String planSourceRef() {
            return "audits:audit:" + auditId;
        }

        public String leadAgency() {
            return agency != null ? agency : auditLead;
        }

        /** The body audits-service's RecommendationSender sends to actions-service for this finding. */
        public Map<String, Object> request() {
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("sourceRef", sourceRef());
            body.put("planSourceType", "AUDIT");
            body.put("planSourceRef", planSourceRef());
            body.put("planTitle", "Recommendations of " + auditTitle);
            body.put("issue", "Recommendation of " + auditTitle);
            body.put("action", text);
            body.put("leadAgency", leadAgency());
            return body;
        }
    }

    private static final AtomicLong IDS = new AtomicLong(1000);
    private static final String FINDINGS = "/api/v1/findings/";

    private final ServiceStandIn standIn = new ServiceStandIn();
    private final Map<Long, Finding> findings = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.OK;
    private volatile Duration slowness = Duration.ofMillis(3500);

    public AuditsStub() {
        standIn.on(FINDINGS + "*", this::recommendation);
    }

    /** Points the service under test's declarative client at this stub. */
    public Map<String, String> properties() {
        return Map.of("micronaut.http.services.audits.url", url());
    }

    public String url() {
        return standIn.url();
    }

    /** A new recommendation (fresh id) of a new audit led by {@code auditLead}, with these participants. */
    public Finding recommendation(String auditLead, String... participants) {
        return add(auditLead, null, "RECOMMENDATION", participants);
    }

    /** A new finding of a new audit; {@code agency} (may be null) is the finding's own agency, its action's lead. */
    public Finding add(String auditLead, String agency, String kind, String... participants) {
        long id = IDS.incrementAndGet();
        long auditId = IDS.incrementAndGet();
        Finding f = new Finding(id, auditId, "Audit " + auditId + " led by " + auditLead, auditLead, Set.of(participants), kind,
                "Recommendation " + id + ": record fathers in every assessment", agency);
        findings.put(id, f);
        return f;
    }

    /** A new recommendation of the same audit as {@code sibling}. */
    public Finding another(Finding sibling) {
        long id = IDS.incrementAndGet();
        Finding f = new Finding(id, sibling.auditId(), sibling.auditTitle(), sibling.auditLead(), sibling.participants(),
                "RECOMMENDATION", "Recommendation " + id + ": share chronologies", sibling.agency());
        findings.put(id, f);
        return f;
    }

    /** An id no finding has (yet): what an attacker would guess as the next one. */
    public long nextId() {
        return IDS.get() + 1;
    }

    public void mode(Mode m) {
        mode = m;
    }

    public void slowness(Duration d) {
        slowness = d;
    }

    public void reset() {
        mode = Mode.OK;
        standIn.clear();
    }

    public int calls() {
        return received().size();
    }

    public List<String> authorizations() {
        return received().stream().map(r -> String.valueOf(r.authorization())).toList();
    }

    private List<Request> received() {
        return standIn.received().stream().filter(r -> r.path().startsWith(FINDINGS)).toList();
    }

    private Answer recommendation(Request request) {
        String authorization = request.authorization();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/api/v1/findings/([0-9]{1,18})/recommendation").matcher(request.path());
        if (!"GET".equals(request.method()) || !m.matches()) {
            return Answer.json(404, "{\"status\":404}");
        }
        switch (mode) {
            case ERROR -> {
                return Answer.json(500, "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
            }
            case SLOW -> {
                try {
                    Thread.sleep(slowness.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answer.json(404, "{\"status\":404}");
            }
            case GARBAGE -> {
                return new Answer(200, "application/json", "<html><body>Bad gateway</body></html>");
            }
            default -> {
            }
        }
        JWTClaimsSet claims;
        List<String> roles;
        String agency;
        try {
            claims = SignedJWT.parse(authorization.substring("Bearer ".length())).getJWTClaimsSet();
            roles = claims.getStringListClaim("roles");
            agency = claims.getStringClaim("agency");
        } catch (ParseException | RuntimeException e) {
            return Answer.json(401, "{\"status\":401}");
        }
        boolean manager = roles.contains("BOARD_MANAGER");
        boolean board = manager || roles.contains("BOARD_CHAIR");
        Finding f = findings.get(Long.parseLong(m.group(1)));
        boolean visible = f != null && (board || f.auditLead().equals(agency) || f.participants().contains(agency));
        if (!visible) {
            return Answer.json(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}");
        }
        boolean mayManage = manager || (f.auditLead().equals(agency)
                && (roles.contains("AGENCY_CONTRIBUTOR") || roles.contains("AGENCY_LEAD")));
        if (!mayManage) {
            return Answer.json(403, "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
        }
        if (!"RECOMMENDATION".equals(f.kind())) {
            return Answer.json(409, "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409}");
        }
        return Answer.json("{\"findingId\":" + f.id() + ",\"sourceRef\":" + str(f.sourceRef())
                + ",\"planSourceType\":\"AUDIT\",\"planSourceRef\":" + str(f.planSourceRef())
                + ",\"planTitle\":" + str("Recommendations of " + f.auditTitle()) + ",\"issue\":" + str("Recommendation of " + f.auditTitle())
                + ",\"action\":" + str(f.text()) + ",\"leadAgency\":" + str(f.leadAgency()) + "}");
    }

    private static String str(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Stops listening: the service under test finds nobody at the address (connection refused). */
    @Override
    public void close() {
        standIn.close();
    }
}
