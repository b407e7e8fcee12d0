package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.common.testing.api.Api.assertNumber;
import static uk.org.quadrant.common.testing.api.Api.body;

/**
 * Bad input gets a 400 naming the field (or a 409 for a conflict), and nothing is written: each
 * refusal is followed by a re-read of everything it could have changed, including the change log.
 */
@MicronautTest
class AuditValidationApiTest extends ApiTestBase {

    private int seq;

    /** A fresh multi-agency case audit (CSC lead, TVP and OH), Ofsted scale, 75 %. */
    private long maca() {
        return multiAgencyAudit("MACA validation " + (++seq), "CSC", List.of("TVP", "OH"), "2033-01-01", "2033-03-31");
    }

    private void assertUnchanged(String before, long... ids) {
        assertEquals(before, snapshot(ids), "a refused request wrote something");
    }

    // ---- grades ---------------------------------------------------------------------------------

    @Test
    void aGradeNotOnTheAuditsScaleIsRefusedNamingGrade() {
        long id = maca();
        String before = snapshot(id);
        for (String grade : List.of("EFFECTIVE", "HIGHLY_EFFECTIVE", "good", "EXCELLENT", "GOOD ")) {
            recordCase(cscUser(), id, "MACA-2033-01", grade, "CSC").expectFieldError("grade", "OUTSTANDING");
        }
        assertUnchanged(before, id);
        recordCase(cscUser(), id, "MACA-2033-01", "GOOD", "CSC").expect(201);

        // an early-help audit grades on its own scale
        java.util.Map<String, Object> eh = auditBody("SINGLE_AGENCY_AUDIT", "Early help audit", "CSC", List.of(), "2033-01-01", "2033-03-31");
        eh.put("gradingScale", "EARLY_HELP");
        long early = createAudit(cscUser(), eh);
        String before2 = snapshot(early);
        recordCase(cscUser(), early, "EH-01", "GOOD", null).expectFieldError("grade", "EFFECTIVE");
        recordCase(cscUser(), early, "EH-01", "REQUIRES_IMPROVEMENT", null).expectFieldError("grade");
        assertUnchanged(before2, early);
        recordCase(cscUser(), early, "EH-01", "EFFECTIVE", null).expect(201);
        Map<String, Object> g = api().get(chair(), grades(early)).expect(200).map();
        assertEquals(List.of("OUTSTANDING", "HIGHLY_EFFECTIVE", "EFFECTIVE", "INEFFECTIVE"), List.copyOf(((Map<?, ?>) g.get("distribution")).keySet()));
        assertNumber("100.0", g.get("compliancePercent"), "EFFECTIVE meets the early-help standard");
    }

    @Test
    void aReviewThatDoesNotGradeCasesRefusesAGradeNamingGrade() {
        long scr = createAudit(manager(), auditBody("SERIOUS_CASE_REVIEW", "SCR Child K", "CSC", List.of("TVP"), "2033-01-01", "2033-03-31"));
        long survey = createAudit(tvpUser(), auditBody("PRACTITIONER_EVENT_OR_SURVEY", "Practitioner survey", "TVP", List.of(),
                "2033-01-01", "2033-03-31"));
        String before = snapshot(scr, survey);
        recordCase(manager(), scr, "SCR-01", "GOOD", null).expectFieldError("grade", "does not grade cases");
        recordCase(cscUser(), scr, "SCR-01", "GOOD", "CSC").expectFieldError("grade");
        recordCase(tvpUser(), survey, "PE-01", "GOOD", null).expectFieldError("grade");
        assertUnchanged(before, scr, survey);
        assertTrue(api().get(manager(), cases(scr)).expect(200).list().isEmpty());
    }

    @Test
    void gradedDomainsAreCheckedAgainstTheScaleAndTheDomainList() {
        long id = maca();
        String before = snapshot(id);
        Map<String, Object> unknownDomain = caseBody("MACA-2033-02", "GOOD", "CSC");
        unknownDomain.put("domainGrades", Map.of("nonsense", "GOOD"));
        api().post(cscUser(), cases(id), unknownDomain).expectFieldError("domainGrades.nonsense");
        Map<String, Object> offScale = caseBody("MACA-2033-02", "GOOD", "CSC");
        offScale.put("domainGrades", Map.of("assessment", "EFFECTIVE"));
        api().post(cscUser(), cases(id), offScale).expectFieldError("domainGrades.assessment");
        assertUnchanged(before, id);
    }

    /** A domain with no grade ({@code null}) is bad input, not a server error. */
    @Test
    void aDomainWithoutAGradeIsA400NotA500() {
        long id = maca();
        String before = snapshot(id);
        Api.Res res = api().raw("POST", cscUser(), cases(id),
                "{\"caseRef\":\"MACA-2033-03\",\"grade\":\"GOOD\",\"agency\":\"CSC\",\"domainGrades\":{\"assessment\":null}}");
        assertTrue(res.status < 500, "no server error for a null domain grade: " + res);
        res.expectFieldError("domainGrades.assessment");
        assertUnchanged(before, id);
    }

    // ---- case references --------------------------------------------------------------------------

    @Test
    void personalDataInACaseReferenceIsRefusedNamingCaseRef() {
        long id = maca();
        String before = snapshot(id);
        for (String ref : List.of("Smith", "SMITH", "JOHNSON-1", "Jane-Doe-1", "2010-03-12", "12-03-2010", "NEG-12MAR10",
                "20100312", "9434765919", "a@b.c", "NEG 01", "")) {
            Api.Res res = recordCase(cscUser(), id, ref, "GOOD", "CSC").expectFieldError("caseRef");
            if (ref.length() > 3) {
                assertFalse(res.body.contains(ref), "the refusal does not repeat the personal data back: " + res.body);
            }
        }
        assertUnchanged(before, id);
        for (String ref : List.of("MACA-2017-04", "NEG-01", "EI1415-001", "C12")) {
            recordCase(cscUser(), id, ref, "GOOD", "CSC").expect(201);
        }
    }

    // ---- themes ----------------------------------------------------------------------------------

    @Test
    void themesOutsideTheVocabularyAreRefusedNamingTheIndex() {
        long id = maca();
        String before = snapshot(id);
        recordFinding(cscUser(), id, "CONCERN", "x", List.of("NOT_A_THEME")).expectFieldError("themes[0]", "NOT_A_THEME");
        recordFinding(cscUser(), id, "CONCERN", "x", List.of("NEGLECT", "neglect")).expectFieldError("themes[1]");
        recordFinding(cscUser(), id, "CONCERN", "x", List.of("Neglect")).expectFieldError("themes[0]");
        Api.Res both = recordFinding(cscUser(), id, "CONCERN", "x", List.of("BAD_ONE", "NEGLECT", "BAD_TWO"));
        both.expectFieldError("themes[0]");
        both.expectFieldError("themes[2]");
        assertUnchanged(before, id);
        assertEquals(List.of("NEGLECT"), recordFinding(cscUser(), id, "CONCERN", "x", List.of("NEGLECT", "NEGLECT")).expect(201).get("themes"),
                "a theme given twice is kept once");
    }

    @Test
    void findingFieldsAreRequired() {
        long id = maca();
        String before = snapshot(id);
        api().post(cscUser(), findings(id), body("text", "no kind", "themes", List.of("NEGLECT"))).expectFieldError("kind");
        api().post(cscUser(), findings(id), body("kind", "CONCERN", "text", "  ")).expectFieldError("text");
        api().post(cscUser(), findings(id), body("kind", "OPINION", "text", "x")).expectFieldError("kind");
        api().post(cscUser(), findings(id), body("kind", "CONCERN", "text", "x", "quadrant", "SIDEWAYS")).expectFieldError("quadrant");
        assertUnchanged(before, id);
    }

    // ---- agencies ----------------------------------------------------------------------------------

    @Test
    void unknownAgenciesAreRefusedNamingTheField() {
        long id = maca();
        String before = snapshot(id);
        api().post(manager(), AUDITS, auditBody("MULTI_AGENCY_CASE_AUDIT", "Unknown lead", "MET", List.of("TVP"), "2033-01-01", "2033-03-31"))
                .expectFieldError("leadAgency");
        api().post(manager(), AUDITS, auditBody("MULTI_AGENCY_CASE_AUDIT", "Unknown partner", "CSC", List.of("TVP", "MET"), "2033-01-01",
                "2033-03-31")).expectFieldError("participatingAgencies[1]");
        api().post(cscUser(), findings(id), findingBody("CONCERN", "x", List.of("NEGLECT"), null, "MET")).expectFieldError("agency");
        recordCase(manager(), id, "MACA-2033-09", "GOOD", "MET").expectFieldError("agency");
        // a known agency that takes no part in the audit
        recordCase(manager(), id, "MACA-2033-09", "GOOD", "EDU").expectFieldError("agency");
        api().get(manager(), ANALYSIS + "?agency=MET").expectFieldError("agency");
        assertUnchanged(before, id);
    }

    // ---- audit set-up ------------------------------------------------------------------------------

    @Test
    void periodEndBeforePeriodStartIsRefused() {
        long id = maca();
        String before = snapshot(id);
        api().post(manager(), AUDITS, auditBody("MULTI_AGENCY_CASE_AUDIT", "Backwards", "CSC", List.of(), "2033-03-31", "2033-01-01"))
                .expectFieldError("periodEnd");
        api().post(cscUser(), AUDITS, auditBody("SINGLE_AGENCY_AUDIT", "Backwards", "CSC", List.of(), "2033-03-31", "2033-03-30"))
                .expectFieldError("periodEnd");
        Map<String, Object> edit = editable(id);
        edit.put("periodEnd", "2032-12-31");
        api().put(manager(), audit(id), edit).expectFieldError("periodEnd");
        assertUnchanged(before, id);
        // a one-day period is fine
        createAudit(manager(), auditBody("MULTI_AGENCY_CASE_AUDIT", "One day", "CSC", List.of(), "2033-02-01", "2033-02-01"));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        String before = snapshot();
        Map<String, Object> bad = auditBody("MULTI_AGENCY_CASE_AUDIT", "Many faults", "MET", List.of("NOPE"), "2033-03-31", "2033-01-01");
        bad.put("gradingScale", "NOPE");
        Api.Res res = api().post(manager(), AUDITS, bad);
        for (String field : List.of("leadAgency", "participatingAgencies[0]", "periodEnd", "gradingScale")) {
            res.expectFieldError(field);
        }
        assertUnchanged(before);
    }

    @Test
    void malformedAuditSetUpIsRefusedNamingTheField() {
        String before = snapshot();
        Map<String, Object> unknownType = auditBody("MULTI_AGENCY_CASE_AUDIT", "x", "CSC", List.of(), "2033-01-01", "2033-03-31");
        unknownType.put("type", "INSPECTION");
        api().post(manager(), AUDITS, unknownType).expectFieldError("type");
        Map<String, Object> noTitle = auditBody("MULTI_AGENCY_CASE_AUDIT", " ", "CSC", List.of(), "2033-01-01", "2033-03-31");
        api().post(manager(), AUDITS, noTitle).expectFieldError("title");
        Map<String, Object> noStart = auditBody("MULTI_AGENCY_CASE_AUDIT", "x", "CSC", List.of(), "2033-01-01", "2033-03-31");
        noStart.remove("periodStart");
        api().post(manager(), AUDITS, noStart).expectFieldError("periodStart");
        Map<String, Object> over = auditBody("MULTI_AGENCY_CASE_AUDIT", "x", "CSC", List.of(), "2033-01-01", "2033-03-31");
        over.put("complianceThresholdPercent", 101);
        api().post(manager(), AUDITS, over).expectFieldError("complianceThresholdPercent");
        Map<String, Object> scale = auditBody("MULTI_AGENCY_CASE_AUDIT", "x", "CSC", List.of(), "2033-01-01", "2033-03-31");
        scale.put("gradingScale", "STARS");
        api().post(manager(), AUDITS, scale).expectFieldError("gradingScale");
        Map<String, Object> scaleOnReview = auditBody("SERIOUS_CASE_REVIEW", "x", "CSC", List.of(), "2033-01-01", "2033-03-31");
        scaleOnReview.put("gradingScale", "OFSTED");
        api().post(manager(), AUDITS, scaleOnReview).expectFieldError("gradingScale");
        Map<String, Object> thresholdOnReview = auditBody("SERIOUS_CASE_REVIEW", "x", "CSC", List.of(), "2033-01-01", "2033-03-31");
        thresholdOnReview.put("complianceThresholdPercent", 75);
        api().post(manager(), AUDITS, thresholdOnReview).expectFieldError("complianceThresholdPercent");
        assertEquals(401, api().raw("POST", null, AUDITS, "{not json").status);
        assertEquals(400, api().raw("POST", manager(), AUDITS, "{not json").status);
        assertUnchanged(before);
    }

    /** An impossible or malformed date names its property, and the problem shows no Java class names. */
    @Test
    void anImpossibleDateIsRefusedNamingTheField() {
        String before = snapshot();
        for (String date : List.of("2033-02-30", "31/03/2033", "2033-3-1")) {
            Map<String, Object> bad = auditBody("MULTI_AGENCY_CASE_AUDIT", "x", "CSC", List.of(), date, "2033-03-31");
            Api.Res res = api().post(manager(), AUDITS, bad).expect(400);
            assertFalse(res.body.contains("uk.org.quadrant") || res.body.contains("java."), "no internal class names: " + res.body);
            res.expectFieldError("periodStart");
        }
        assertUnchanged(before);
    }

    /** Nulls inside lists and maps are bad input, not server errors. */
    @Test
    void nullsInsideListsAreRefusedNamingTheElement() {
        long id = maca();
        String before = snapshot(id);
        api().raw("POST", manager(), AUDITS, "{\"type\":\"MULTI_AGENCY_CASE_AUDIT\",\"title\":\"x\",\"leadAgency\":\"CSC\","
                + "\"participatingAgencies\":[\"TVP\",null],\"periodStart\":\"2033-01-01\",\"periodEnd\":\"2033-03-31\"}")
                .expectFieldError("participatingAgencies[1]");
        api().raw("POST", cscUser(), findings(id), "{\"kind\":\"CONCERN\",\"text\":\"x\",\"themes\":[null]}")
                .expectFieldError("themes[0]");
        assertUnchanged(before, id);
    }

    /** Thresholds read back as plain numbers (80, not 8E+1), like every figure in the project. */
    @Test
    void thresholdsAreWrittenWithoutExponent() {
        for (int threshold : List.of(80, 100, 90, 75)) {
            Map<String, Object> b = auditBody("MULTI_AGENCY_CASE_AUDIT", "Threshold " + threshold, "CSC", List.of(), "2033-01-01", "2033-03-31");
            b.put("complianceThresholdPercent", threshold);
            long id = createAudit(manager(), b);
            String one = api().get(manager(), audit(id)).expect(200).body;
            assertTrue(one.contains("\"complianceThresholdPercent\":" + threshold + ","), "plain " + threshold + " in " + one);
            String g = api().get(manager(), grades(id)).expect(200).body;
            assertTrue(g.contains("\"complianceThresholdPercent\":" + threshold + ","), "plain " + threshold + " in " + g);
            assertFalse(one.contains("E+") || g.contains("E+"), one + "\n" + g);
        }
    }

    // ---- who sets up what -------------------------------------------------------------------------

    @Test
    void agenciesSetUpTheirOwnSingleAgencyWorkOnly() {
        String before = snapshot();
        api().post(cscUser(), AUDITS, auditBody("SINGLE_AGENCY_AUDIT", "For TVP", "TVP", List.of(), "2033-01-01", "2033-03-31")).expect(403);
        api().post(cscUser(), AUDITS, auditBody("MULTI_AGENCY_CASE_AUDIT", "MACA", "CSC", List.of("TVP"), "2033-01-01", "2033-03-31")).expect(403);
        api().post(cscLead(), AUDITS, auditBody("SERIOUS_CASE_REVIEW", "SCR", "CSC", List.of(), "2033-01-01", "2033-03-31")).expect(403);
        api().post(chair(), AUDITS, auditBody("SINGLE_AGENCY_AUDIT", "Chair", "CSC", List.of(), "2033-01-01", "2033-03-31")).expect(403);
        assertUnchanged(before);
        for (String type : List.of("SINGLE_AGENCY_AUDIT", "SECTION_11_SELF_ASSESSMENT", "PRACTITIONER_EVENT_OR_SURVEY",
                "CHILDREN_AND_FAMILIES_ENGAGEMENT", "COMPLAINTS_SUMMARY")) {
            Map<String, Object> created = api().post(cscUser(), AUDITS, auditBody(type, "CSC " + type, "CSC", List.of(), "2033-01-01",
                    "2033-03-31")).expect(201).map();
            assertEquals("CSC", created.get("leadAgency"));
            assertEquals("csc.user", created.get("createdBy"));
        }
    }

    @Test
    void onlyTheManagerMovesAnAuditToAnotherAgencyOrType() {
        long id = createAudit(cscUser(), auditBody("SINGLE_AGENCY_AUDIT", "CSC own", "CSC", List.of(), "2033-01-01", "2033-03-31"));
        String before = snapshot(id);
        Map<String, Object> move = editable(id);
        move.put("leadAgency", "TVP");
        api().put(cscUser(), audit(id), move).expectFieldError("leadAgency");
        Map<String, Object> retype = editable(id);
        retype.put("type", "MULTI_AGENCY_CASE_AUDIT");
        api().put(cscLead(), audit(id), retype).expectFieldError("type");
        assertUnchanged(before, id);
        assertEquals("TVP", api().put(manager(), audit(id), move).expect(200).get("leadAgency"));
    }

    // ---- status -----------------------------------------------------------------------------------

    @Test
    void onlyTheManagerMovesAStatusBackwards() {
        long id = createAudit(cscUser(), auditBody("SINGLE_AGENCY_AUDIT", "Status", "CSC", List.of(), "2033-01-01", "2033-03-31"));
        Map<String, Object> edit = editable(id);
        edit.put("status", "IN_PROGRESS");
        assertEquals("IN_PROGRESS", api().put(cscUser(), audit(id), edit).expect(200).get("status"));
        edit = editable(id);
        edit.put("status", "REPORTED");
        assertEquals("REPORTED", api().put(cscLead(), audit(id), edit).expect(200).get("status"));

        String before = snapshot(id);
        for (String back : List.of("IN_PROGRESS", "PLANNED")) {
            for (String token : List.of(cscUser(), cscLead())) {
                Map<String, Object> b = editable(id);
                b.put("status", back);
                api().put(token, audit(id), b).expect(409);
            }
        }
        assertUnchanged(before, id);
        assertEquals("REPORTED", api().get(cscUser(), audit(id)).expect(200).get("status"));

        Map<String, Object> b = editable(id);
        b.put("status", "IN_PROGRESS");
        assertEquals("IN_PROGRESS", api().put(manager(), audit(id), b).expect(200).get("status"));
    }

    @Test
    void aClosedAuditTakesNoMoreCasesOrFindings() {
        long id = maca();
        recordCase(cscUser(), id, "MACA-2033-10", "GOOD", "CSC").expect(201);
        Map<String, Object> close = editable(id);
        close.put("status", "CLOSED");
        api().put(manager(), audit(id), close).expect(200);
        String before = snapshot(id);
        recordCase(tvpUser(), id, "MACA-2033-10", "GOOD", "TVP").expect(409);
        recordFinding(cscUser(), id, "CONCERN", "late", List.of("NEGLECT")).expect(409);
        assertUnchanged(before, id);
    }

    // ---- conflicts --------------------------------------------------------------------------------

    @Test
    void aSecondViewOfTheSameCaseByTheSameAgencyIsAConflict() {
        long id = maca();
        recordCase(cscUser(), id, "MACA-2033-20", "GOOD", "CSC").expect(201);
        recordCase(cscLead(), id, "MACA-2033-20", "GOOD", "JOINT").expect(201);
        String before = snapshot(id);
        recordCase(cscUser(), id, "MACA-2033-20", "INADEQUATE", "CSC").expect(409);
        recordCase(cscLead(), id, "MACA-2033-20", "REQUIRES_IMPROVEMENT", null).expect(409);
        recordCase(manager(), id, "MACA-2033-20", "INADEQUATE", "JOINT").expect(409);
        recordCase(manager(), id, "MACA-2033-20", "INADEQUATE", null).expect(409);
        assertUnchanged(before, id);
        // another agency's view of the same case is not a duplicate
        recordCase(tvpUser(), id, "MACA-2033-20", "GOOD", null).expect(201);
        List<Map<String, Object>> rows = api().get(manager(), cases(id)).expect(200).list();
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(1, ((Number) api().get(manager(), grades(id)).expect(200).get("cases")).intValue());
    }

    @Test
    void aStaleVersionOnPutIsAConflict() {
        long id = createAudit(cscUser(), auditBody("SINGLE_AGENCY_AUDIT", "Versioned", "CSC", List.of(), "2033-01-01", "2033-03-31"));
        Map<String, Object> first = editable(id);
        Map<String, Object> second = editable(id);
        first.put("title", "Changed by the first");
        Map<String, Object> saved = api().put(cscUser(), audit(id), first).expect(200).map();
        assertEquals(((Number) first.get("version")).longValue() + 1, ((Number) saved.get("version")).longValue(), "version moves on");
        String before = snapshot(id);
        second.put("title", "Changed by the second");
        api().put(manager(), audit(id), second).expect(409);
        assertUnchanged(before, id);
        assertEquals("Changed by the first", api().get(cscUser(), audit(id)).expect(200).get("title"));

        Map<String, Object> noVersion = editable(id);
        noVersion.remove("version");
        api().put(cscUser(), audit(id), noVersion).expectFieldError("version");
        Map<String, Object> future = editable(id);
        future.put("version", ((Number) future.get("version")).longValue() + 5);
        api().put(cscUser(), audit(id), future).expect(409);
        assertUnchanged(before, id);
    }
}
