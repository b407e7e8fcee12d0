package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.common.testing.api.ServiceApiTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The black-box API tests of audits-service on {@link ServiceApiTest}: the audit paths, request bodies and
 * the writes most tests begin with. Subclasses carry {@code @MicronautTest}; each class gets a freshly
 * migrated database, shared by its tests, so each test creates the audits it needs (and uses its own
 * reporting years where it reads the theme analysis).
 */
abstract class ApiTestBase extends ServiceApiTest {

    static final String AUDITS = "/api/v1/audits";
    static final String THEMES = "/api/v1/themes";
    static final String ANALYSIS = "/api/v1/themes/analysis";
    static final String CHANGE_LOG = "/api/v1/change-log?limit=500";

    static String audit(long id) {
        return AUDITS + "/" + id;
    }

    static String cases(long id) {
        return audit(id) + "/cases";
    }

    static String grades(long id) {
        return audit(id) + "/grades";
    }

    static String findings(long id) {
        return audit(id) + "/findings";
    }

    static String finding(long id) {
        return "/api/v1/findings/" + id;
    }

    // ---- request bodies -------------------------------------------------------------------------

    /** An audit set-up body; {@code participants} may be empty. Case audits get the Ofsted scale and 75 %. */
    static Map<String, Object> auditBody(String type, String title, String lead, List<String> participants,
                                         String periodStart, String periodEnd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("title", title);
        m.put("leadAgency", lead);
        m.put("participatingAgencies", new ArrayList<>(participants));
        m.put("periodStart", periodStart);
        m.put("periodEnd", periodEnd);
        if (type.equals("MULTI_AGENCY_CASE_AUDIT") || type.equals("SINGLE_AGENCY_AUDIT")) {
            m.put("gradingScale", "OFSTED");
            m.put("complianceThresholdPercent", 75);
        }
        return m;
    }

    static Map<String, Object> caseBody(String caseRef, String grade, String agency) {
        return Api.body("caseRef", caseRef, "grade", grade, "agency", agency);
    }

    static Map<String, Object> findingBody(String kind, String text, List<String> themes, String quadrant, String agency) {
        return Api.body("kind", kind, "text", text, "themes", themes, "quadrant", quadrant, "agency", agency);
    }

    /** Sets up an audit as the given user (201) and returns its id. */
    long createAudit(String token, Map<String, Object> body) {
        Api.Res res = api().post(token, AUDITS, body).expect(201);
        return res.id();
    }

    long multiAgencyAudit(String title, String lead, List<String> participants, String from, String to) {
        return createAudit(manager(), auditBody("MULTI_AGENCY_CASE_AUDIT", title, lead, participants, from, to));
    }

    /** The audit's current body for a PUT: what GET returns, minus the read-only fields. */
    Map<String, Object> editable(long id) {
        Map<String, Object> a = api().get(manager(), audit(id)).expect(200).map();
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("type", "title", "leadAgency", "participatingAgencies", "periodStart", "periodEnd", "plannedStart",
                "plannedEnd", "actualStart", "actualEnd", "status", "scope", "summary", "gradingScale",
                "complianceThresholdPercent", "version")) {
            if (a.get(k) != null) {
                m.put(k, a.get(k));
            }
        }
        return m;
    }

    Api.Res recordCase(String token, long auditId, String caseRef, String grade, String agency) {
        return api().post(token, cases(auditId), caseBody(caseRef, grade, agency));
    }

    Api.Res recordFinding(String token, long auditId, String kind, String text, List<String> themes) {
        return api().post(token, findings(auditId), findingBody(kind, text, themes, null, null));
    }

    /** Everything a refused write to these audits could have changed, as the manager reads it. */
    String snapshot(long... auditIds) {
        Api api = api();
        StringBuilder s = new StringBuilder();
        s.append(api.get(manager(), AUDITS).expect(200).body).append('\n');
        for (long id : auditIds) {
            s.append(api.get(manager(), audit(id)).expect(200).body).append('\n');
            s.append(api.get(manager(), cases(id)).expect(200).body).append('\n');
            s.append(api.get(manager(), grades(id)).expect(200).body).append('\n');
            s.append(api.get(manager(), findings(id)).expect(200).body).append('\n');
        }
        s.append(api.get(manager(), THEMES).expect(200).body).append('\n');
        s.append(api.get(manager(), CHANGE_LOG).expect(200).body).append('\n');
        return s.toString();
    }
}
