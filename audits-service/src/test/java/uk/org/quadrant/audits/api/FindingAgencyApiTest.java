package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 (found by the widened isolation matrix): the agency a finding concerns files it under that
 * agency in the theme analysis and is the lead agency of the action its recommendation becomes. An
 * agency's users once filed findings on their own audit under any agency (or the board); now they name
 * only an agency that takes part in the audit, the board manager any. Refusals are a 403 problem+json
 * naming {@code agency} and change nothing.
 */
@MicronautTest
class FindingAgencyApiTest extends ApiTestBase {

    private static void expectRefusedNamingAgency(Api.Res res) {
        res.expect(403);
        assertTrue(res.contentType.startsWith("application/problem+json"), res::toString);
        assertTrue(res.fieldsInError().contains("agency"), res::toString);
    }

    @Test
    void anAgencyFilesFindingsOnlyUnderAnAgencyThatTakesPart() {
        long own = createAudit(tvpUser(), auditBody("SINGLE_AGENCY_AUDIT", "TVP own", "TVP", List.of(), "2035-01-01", "2035-03-31"));
        long maca = multiAgencyAudit("MACA CSC leads", "CSC", List.of("TVP"), "2035-01-01", "2035-03-31");
        String before = snapshot(own, maca);
        for (String token : List.of(tvpUser(), tvpLead())) {
            for (String other : List.of("CSC", "OH", "BOARD")) {
                expectRefusedNamingAgency(api().post(token, findings(own), findingBody("RECOMMENDATION", "For " + other, List.of(), null, other)));
            }
            expectRefusedNamingAgency(api().post(token, findings(maca), findingBody("RECOMMENDATION", "For OH", List.of(), null, "OH")));
        }
        assertEquals(before, snapshot(own, maca), "a refused finding was written");
        // agencies that take part, and the board manager's choice of any agency
        assertEquals("TVP", api().post(tvpUser(), findings(own), findingBody("CONCERN", "Own", List.of(), null, "TVP")).expect(201).get("agency"));
        assertEquals("CSC", api().post(tvpUser(), findings(maca), findingBody("CONCERN", "Lead's", List.of(), null, "CSC")).expect(201).get("agency"));
        assertEquals("OH", api().post(manager(), findings(own), findingBody("CONCERN", "Board's", List.of(), null, "OH")).expect(201).get("agency"));
    }

    @Test
    void theLeadAgencyCannotRefileItsFindingUnderAnotherAgencyButKeepsTheManagersChoice() {
        long own = createAudit(tvpUser(), auditBody("SINGLE_AGENCY_AUDIT", "TVP own 2", "TVP", List.of(), "2035-01-01", "2035-03-31"));
        Api.Res f = api().post(tvpUser(), findings(own), findingBody("RECOMMENDATION", "Own", List.of(), null, null)).expect(201);
        String before = snapshot(own);
        for (String token : List.of(tvpUser(), tvpLead())) {
            Map<String, Object> edit = Api.body("kind", "RECOMMENDATION", "text", "Refiled", "themes", List.of(), "agency", "CSC",
                    "version", f.version());
            expectRefusedNamingAgency(api().put(token, finding(f.id()), edit));
        }
        assertEquals(before, snapshot(own), "a refused correction was written");
        // the manager files it under OH; TVP still corrects its text, leaving the agency as it is
        Api.Res moved = api().put(manager(), finding(f.id()), Api.body("kind", "RECOMMENDATION", "text", "Board's", "themes", List.of(),
                "agency", "OH", "version", f.version())).expect(200);
        assertEquals("OH", api().put(tvpUser(), finding(f.id()), Api.body("kind", "RECOMMENDATION", "text", "Corrected", "themes", List.of(),
                "agency", "OH", "version", moved.version())).expect(200).get("agency"));
    }
}
