package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.common.testing.api.Api.assertNumber;
import static uk.org.quadrant.common.testing.api.Api.body;
import static uk.org.quadrant.common.testing.api.Api.contains;
import static uk.org.quadrant.common.testing.api.Api.find;

/**
 * The "done when" journey: the board manager sets up a multi-agency case audit with CSC (lead), TVP
 * and OH; each agency records its own view of the cases; the lead and the manager record joint
 * conclusions; findings are tagged with themes; the chair reads the grade distribution and
 * compliance; and the theme analysis shows a theme repeated across two audits. Reporting year 2031.
 */
@MicronautTest
class AuditJourneyApiTest extends ApiTestBase {

    private static final String FROM_TO = "?from=2031-01-01&to=2031-12-31";

    @Test
    void multiAgencyCaseAuditFromSetUpToRepeatedTheme() {
        Api api = api();

        // ---- 1. the manager sets up the audit ------------------------------------------------
        Map<String, Object> setUp = new LinkedHashMap<>();
        setUp.put("type", "MULTI_AGENCY_CASE_AUDIT");
        setUp.put("title", "MACA: neglect 2031");
        setUp.put("leadAgency", "CSC");
        setUp.put("participatingAgencies", List.of("TVP", "OH"));
        setUp.put("periodStart", "2031-04-01");
        setUp.put("periodEnd", "2031-06-30");
        setUp.put("gradingScale", "OFSTED");
        setUp.put("complianceThresholdPercent", 75);
        Api.Res created = api.post(manager(), AUDITS, setUp).expect(201);
        long maca = created.id();
        Map<String, Object> a = created.map();
        assertEquals("MULTI_AGENCY_CASE_AUDIT", a.get("type"));
        assertEquals("MACA: neglect 2031", a.get("title"));
        assertEquals("CSC", a.get("leadAgency"));
        assertEquals(Set.of("CSC", "TVP", "OH"), Set.copyOf((List<?>) a.get("participatingAgencies")));
        assertEquals("2031-04-01", a.get("periodStart"));
        assertEquals("2031-06-30", a.get("periodEnd"));
        assertEquals("OFSTED", a.get("gradingScale"));
        assertNumber("75", a.get("complianceThresholdPercent"), "threshold");
        assertEquals("PLANNED", a.get("status"));
        assertEquals("manager", a.get("createdBy"));

        // everyone involved, and the board, reads it; another agency does not
        for (String token : List.of(manager(), chair(), cscUser(), cscLead(), tvpUser(), ohUser())) {
            assertEquals("MACA: neglect 2031", api.get(token, audit(maca)).expect(200).get("title"));
            assertTrue(contains(api.get(token, AUDITS).expect(200).list(), "id", maca));
        }
        String edu = tokens.agencyUser("edu.user", "EDU", "AGENCY_CONTRIBUTOR");
        api.get(edu, audit(maca)).expect(404);
        assertFalse(contains(api.get(edu, AUDITS).expect(200).list(), "id", maca));

        // ---- 2. each agency records its own view of the cases -----------------------------------
        Map<String, Object> c1 = caseBody("MACA-2031-01", "GOOD", "CSC");
        c1.put("domainGrades", Map.of("recognitionOfRisk", "GOOD", "voiceOfTheChild", "REQUIRES_IMPROVEMENT"));
        Map<String, Object> cscView = api.post(cscUser(), cases(maca), c1).expect(201).map();
        assertEquals("CSC", cscView.get("agency"));
        assertEquals("GOOD", cscView.get("grade"));
        assertEquals("csc.user", cscView.get("recordedBy"));
        assertEquals(Map.of("RECOGNITION_OF_RISK", "GOOD", "VOICE_OF_THE_CHILD", "REQUIRES_IMPROVEMENT"), cscView.get("domainGrades"));

        // an agency user's view is its own agency's when it does not say
        Map<String, Object> tvpView = api.post(tvpUser(), cases(maca), body("caseRef", "MACA-2031-01", "grade", "REQUIRES_IMPROVEMENT"))
                .expect(201).map();
        assertEquals("TVP", tvpView.get("agency"));
        recordCase(ohUser(), maca, "MACA-2031-01", "GOOD", "OH").expect(201);

        recordCase(cscUser(), maca, "MACA-2031-02", "OUTSTANDING", "CSC").expect(201);
        recordCase(tvpUser(), maca, "MACA-2031-02", "GOOD", "TVP").expect(201);

        recordCase(tvpUser(), maca, "MACA-2031-03", "INADEQUATE", "TVP").expect(201);
        recordCase(ohUser(), maca, "MACA-2031-03", "REQUIRES_IMPROVEMENT", "OH").expect(201);

        recordCase(cscLead(), maca, "MACA-2031-04", "REQUIRES_IMPROVEMENT", "CSC").expect(201);

        // nobody records another agency's view, nor the joint conclusion unless lead agency or manager
        recordCase(tvpUser(), maca, "MACA-2031-05", "GOOD", "CSC").expect(403);
        recordCase(ohUser(), maca, "MACA-2031-05", "GOOD", "TVP").expect(403);
        recordCase(tvpUser(), maca, "MACA-2031-05", "GOOD", "JOINT").expect(403);
        recordCase(tvpLead(), maca, "MACA-2031-05", "GOOD", "JOINT").expect(403);
        recordCase(chair(), maca, "MACA-2031-05", "GOOD", "JOINT").expect(403);
        assertFalse(contains(api.get(manager(), cases(maca)).expect(200).list(), "caseRef", "MACA-2031-05"));

        // ---- 3. joint conclusions: the lead agency for case 1, the manager for case 4 -----------------
        assertEquals("JOINT", recordCase(cscLead(), maca, "MACA-2031-01", "GOOD", "JOINT").expect(201).get("agency"));

        // before the joint conclusion of case 4 its conclusion is the lead agency's view (RI):
        // 01 GOOD (joint), 02 OUTSTANDING (lead's view, not the worse TVP GOOD), 03 INADEQUATE (worst), 04 RI (lead's view)
        Map<String, Object> before = api.get(chair(), grades(maca)).expect(200).map();
        assertEquals(Map.of("OUTSTANDING", 1, "GOOD", 1, "REQUIRES_IMPROVEMENT", 1, "INADEQUATE", 1), Api.ints(before.get("distribution")), before.toString());
        assertEquals(4, ((Number) before.get("cases")).intValue());
        assertNumber("50.0", before.get("compliancePercent"), "2 of 4");
        assertEquals(Boolean.FALSE, before.get("complianceMet"));

        // the manager's conclusion (no agency given: the joint conclusion) outranks the lead's view
        assertEquals("JOINT", api.post(manager(), cases(maca), body("caseRef", "MACA-2031-04", "grade", "GOOD")).expect(201).get("agency"));

        List<Map<String, Object>> rows = api.get(tvpUser(), cases(maca)).expect(200).list();
        assertEquals(10, rows.size(), rows.toString());

        // ---- 4. findings, tagged with themes ---------------------------------------------------
        Map<String, Object> f1 = recordFinding(cscUser(), maca, "LEARNING_POINT", "Chronologies were not kept up to date",
                List.of("NEGLECT", "CHRONOLOGIES")).expect(201).map();
        assertEquals(List.of("NEGLECT", "CHRONOLOGIES"), f1.get("themes"));
        assertEquals("QUALITATIVE", f1.get("quadrant"), "a case audit's findings are qualitative by default");
        api.post(tvpUser(), findings(maca), findingBody("CONCERN", "Police notifications were not shared promptly",
                List.of("INFORMATION_SHARING", "NEGLECT"), null, "TVP")).expect(201);
        recordFinding(manager(), maca, "RECOMMENDATION", "Agree a neglect toolkit across agencies", List.of("NEGLECT")).expect(201);
        Map<String, Object> view = api.post(ohUser(), findings(maca), findingBody("VIEW", "\"Nobody asked me what I wanted\"",
                List.of("VOICE_OF_THE_CHILD"), "CHILDREN_AND_FAMILIES", "OH")).expect(201).map();
        assertEquals("CHILDREN_AND_FAMILIES", view.get("quadrant"));
        recordFinding(chair(), maca, "CONCERN", "The chair writes nothing here", List.of("NEGLECT")).expect(403);
        assertEquals(4, api.get(chair(), findings(maca)).expect(200).list().size());
        Map<String, Object> one = api.get(ohUser(), finding(((Number) f1.get("id")).longValue())).expect(200).map();
        assertEquals("Chronologies were not kept up to date", one.get("text"));
        assertEquals(maca, ((Number) one.get("auditId")).longValue());

        // ---- 5. a second source: TVP's own audit, which also finds neglect -----------------------
        long tvpAudit = createAudit(tvpLead(), auditBody("SINGLE_AGENCY_AUDIT", "TVP: child protection referrals 2031", "TVP",
                List.of(), "2031-07-01", "2031-09-30"));
        recordCase(tvpUser(), tvpAudit, "TVP-2031-01", "REQUIRES_IMPROVEMENT", null).expect(201);
        recordFinding(tvpUser(), tvpAudit, "LEARNING_POINT", "Officers did not recognise neglect at the door",
                List.of("NEGLECT", "PROFESSIONAL_CURIOSITY")).expect(201);
        // CSC cannot see TVP's single-agency audit
        api.get(cscUser(), audit(tvpAudit)).expect(404);

        // the lead agency moves its audit on
        Map<String, Object> edit = editable(maca);
        edit.put("status", "REPORTED");
        assertEquals("REPORTED", api.put(cscLead(), audit(maca), edit).expect(200).get("status"));

        // ---- 6. the chair reads the grade distribution and compliance ---------------------------------
        Map<String, Object> g = api.get(chair(), grades(maca)).expect(200).map();
        Map<?, ?> distribution = (Map<?, ?>) g.get("distribution");
        assertEquals(List.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"), List.copyOf(distribution.keySet()),
                "every grade of the scale, best first: " + g);
        assertEquals(Map.of("OUTSTANDING", 1, "GOOD", 2, "REQUIRES_IMPROVEMENT", 0, "INADEQUATE", 1), Api.ints(distribution));
        assertEquals(4, ((Number) g.get("cases")).intValue(), "four cases, however many views");
        assertNumber("75.0", g.get("compliancePercent"), "3 of 4");
        assertEquals(Boolean.TRUE, g.get("complianceMet"), "75.0 meets a 75 % threshold exactly");
        // the participants read the same figures
        assertEquals(g, api.get(tvpUser(), grades(maca)).expect(200).map());

        // ---- 7. the theme analysis shows neglect repeated across the two audits ----------------------
        List<Map<String, Object>> analysis = api.get(chair(), ANALYSIS + FROM_TO).expect(200).list();
        assertEquals("NEGLECT", analysis.get(0).get("theme"), "ranked first: " + analysis);
        Map<String, Object> neglect = analysis.get(0);
        assertEquals(4, ((Number) neglect.get("findings")).intValue(), neglect.toString());
        assertEquals(2, ((Number) neglect.get("sources")).intValue(), neglect.toString());
        assertEquals(Boolean.TRUE, neglect.get("repeated"));
        assertEquals(Set.of("MULTI_AGENCY_CASE_AUDIT", "SINGLE_AGENCY_AUDIT"), Set.copyOf((List<?>) neglect.get("sourceTypes")));
        assertEquals(List.of("QUALITATIVE"), neglect.get("quadrants"));
        for (String theme : List.of("CHRONOLOGIES", "INFORMATION_SHARING", "PROFESSIONAL_CURIOSITY")) {
            Map<String, Object> row = find(analysis, "theme", theme);
            assertEquals(1, ((Number) row.get("sources")).intValue(), row.toString());
            assertEquals(Boolean.FALSE, row.get("repeated"), row.toString());
        }
        assertEquals(List.of("CHILDREN_AND_FAMILIES"), find(analysis, "theme", "VOICE_OF_THE_CHILD").get("quadrants"));
        assertEquals(5, analysis.size(), analysis.toString());

        // ---- 8. every write was attributed ------------------------------------------------------------
        List<Map<String, Object>> log = api.get(manager(), CHANGE_LOG).expect(200).list();
        assertTrue(log.stream().anyMatch(e -> "audit".equals(e.get("entityType")) && String.valueOf(maca).equals(e.get("entityId"))
                && "CREATE".equals(e.get("action")) && "manager".equals(e.get("changedBy"))), "audit set-up logged");
        assertTrue(log.stream().anyMatch(e -> "case".equals(e.get("entityType")) && "csc.user".equals(e.get("changedBy"))
                && "CSC".equals(e.get("changedByAgency"))), "CSC's case view logged with its agency");
        assertTrue(log.stream().anyMatch(e -> "audit".equals(e.get("entityType")) && "UPDATE".equals(e.get("action"))
                && "csc.lead".equals(e.get("changedBy")) && String.valueOf(e.get("oldValue")).contains("PLANNED")
                && String.valueOf(e.get("newValue")).contains("REPORTED")), "status change logged with old and new value");
    }
}
