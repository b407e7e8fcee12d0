package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, finding 7: who takes part in an audit decides who reads every participant's case views
 * and findings, so changing it is the board manager's (any time); the lead agency's users never change
 * it on an audit the board commissioned and change their own work only while it is planned; nobody
 * removes an agency that has records in the audit. Refusals are problem+json naming
 * {@code participatingAgencies} and change nothing; every change is in the change log.
 */
@MicronautTest
class AuditParticipantsApiTest extends ApiTestBase {

    private int seq;

    /** A board-commissioned multi-agency case audit: TVP leads, CSC takes part. */
    private long commissioned() {
        return multiAgencyAudit("Participants MACA " + (++seq), "TVP", List.of("CSC"), "2034-01-01", "2034-03-31");
    }

    private Map<String, Object> withParticipants(long id, String... agencies) {
        Map<String, Object> b = editable(id);
        b.put("participatingAgencies", new ArrayList<>(List.of(agencies)));
        return b;
    }

    @SuppressWarnings("unchecked")
    private Set<String> participants(long id) {
        return Set.copyOf((List<String>) api().get(manager(), audit(id)).expect(200).get("participatingAgencies"));
    }

    /** The participating agencies of an audit as the change log recorded it (old or new value). */
    private List<?> participantsIn(Object loggedValue) {
        try {
            return (List<?>) jsonMapper.readValue(String.valueOf(loggedValue),
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class)).get("participatingAgencies");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void expectProblemOn(Api.Res res, int status, String field) {
        res.expect(status);
        assertTrue(res.contentType.startsWith("application/problem+json"), res::toString);
        assertTrue(res.fieldsInError().contains(field), () -> "expected an error on " + field + ": " + res);
    }

    @Test
    void theLeadAgencysUsersCannotAddAnAgencyToABoardCommissionedAudit() {
        long id = commissioned();
        recordCase(cscUser(), id, "PART-2034-01", "GOOD", "CSC").expect(201);
        String before = snapshot(id);
        for (String token : List.of(tvpUser(), tvpLead())) {
            expectProblemOn(api().put(token, audit(id), withParticipants(id, "CSC", "OH")), 403, "participatingAgencies");
            // nor by moving the lead agency's name into the list in another order plus a newcomer
            expectProblemOn(api().put(token, audit(id), withParticipants(id, "OH", "TVP", "CSC")), 403, "participatingAgencies");
        }
        assertEquals(before, snapshot(id), "a refused change of participants wrote something");
        // OH cannot read CSC's case view
        api().get(ohUser(), cases(id)).expect(404);
        assertEquals(Set.of("TVP", "CSC"), participants(id));
        // the same users still change what is theirs to change, sending the participants unchanged
        Map<String, Object> ok = editable(id);
        ok.put("title", "Renamed by the lead agency");
        api().put(tvpUser(), audit(id), ok).expect(200);
    }

    @Test
    void theLeadAgencysUsersCannotRemoveAnAgencyFromABoardCommissionedAudit() {
        long id = commissioned();
        String before = snapshot(id);
        for (String token : List.of(tvpUser(), tvpLead())) {
            expectProblemOn(api().put(token, audit(id), withParticipants(id)), 403, "participatingAgencies");
        }
        assertEquals(before, snapshot(id), "a refused change of participants wrote something");
        assertEquals(Set.of("TVP", "CSC"), participants(id));
    }

    @Test
    void nobodyRemovesAnAgencyThatHasRecordsInTheAudit() {
        long withCase = commissioned();
        recordCase(cscUser(), withCase, "PART-2034-02", "GOOD", "CSC").expect(201);
        long withFinding = commissioned();
        recordFinding(cscUser(), withFinding, "CONCERN", "CSC's own finding", List.of("NEGLECT")).expect(201);
        long concerning = commissioned();
        api().post(manager(), findings(concerning), findingBody("RECOMMENDATION", "For CSC", List.of(), null, "CSC")).expect(201);
        for (long id : List.of(withCase, withFinding, concerning)) {
            String before = snapshot(id);
            Api.Res res = api().put(manager(), audit(id), withParticipants(id));
            expectProblemOn(res, 409, "participatingAgencies");
            assertTrue(res.body.contains("CSC"), res::toString);
            assertEquals(before, snapshot(id), "a refused removal wrote something");
            assertEquals(Set.of("TVP", "CSC"), participants(id));
        }
        // the lead agency with records cannot be moved out either
        long tvpRecords = commissioned();
        recordCase(tvpUser(), tvpRecords, "PART-2034-03", "GOOD", "TVP").expect(201);
        Map<String, Object> move = withParticipants(tvpRecords, "CSC");
        move.put("leadAgency", "OH");
        expectProblemOn(api().put(manager(), audit(tvpRecords), move), 409, "participatingAgencies");
        // the same move keeping TVP as a participant is the manager's to make
        move.put("participatingAgencies", List.of("CSC", "TVP"));
        assertEquals("OH", api().put(manager(), audit(tvpRecords), move).expect(200).get("leadAgency"));
    }

    @Test
    void theManagerChangesParticipantsAtAnyTimeAndTheChangeIsLogged() {
        long id = commissioned();
        Map<String, Object> started = editable(id);
        started.put("status", "IN_PROGRESS");
        api().put(manager(), audit(id), started).expect(200);
        assertEquals(Set.of("TVP", "CSC", "OH"), Set.copyOf((List<?>) api().put(manager(), audit(id),
                withParticipants(id, "CSC", "OH")).expect(200).get("participatingAgencies")));
        api().get(ohUser(), audit(id)).expect(200);
        assertEquals(Set.of("TVP", "OH"), Set.copyOf((List<?>) api().put(manager(), audit(id),
                withParticipants(id, "OH")).expect(200).get("participatingAgencies")));
        api().get(cscUser(), audit(id)).expect(404);

        List<Map<String, Object>> log = api().get(manager(), "/api/v1/change-log?entityType=audit&entityId=" + id).expect(200).list();
        Map<String, Object> removal = log.get(0);
        Map<String, Object> addition = log.get(1);
        assertEquals("UPDATE", removal.get("action"));
        assertEquals("manager", removal.get("changedBy"));
        assertEquals(List.of("TVP", "CSC", "OH"), participantsIn(addition.get("newValue")));
        assertEquals(List.of("TVP", "CSC"), participantsIn(addition.get("oldValue")));
        assertEquals(List.of("TVP", "CSC", "OH"), participantsIn(removal.get("oldValue")));
        assertEquals(List.of("TVP", "OH"), participantsIn(removal.get("newValue")));
    }

    @Test
    void theLeadAgencyNarrowsItsOwnWorkOnlyWhilePlanned() {
        // the manager shares CSC's own single-agency audit with TVP
        long planned = createAudit(cscUser(), auditBody("SINGLE_AGENCY_AUDIT", "CSC own " + (++seq), "CSC", List.of(), "2034-01-01",
                "2034-03-31"));
        api().put(manager(), audit(planned), withParticipants(planned, "TVP")).expect(200);
        // CSC edits it, sending the participants as they are (once refused: "belongs to its lead agency alone")
        Map<String, Object> edit = editable(planned);
        edit.put("title", "CSC own, edited");
        api().put(cscUser(), audit(planned), edit).expect(200);
        // CSC cannot open it to another agency
        String before = snapshot(planned);
        expectProblemOn(api().put(cscLead(), audit(planned), withParticipants(planned, "TVP", "OH")), 400, "participatingAgencies");
        assertEquals(before, snapshot(planned));
        // while planned, CSC may narrow it back to itself
        api().put(cscLead(), audit(planned), withParticipants(planned)).expect(200);
        assertEquals(Set.of("CSC"), participants(planned));

        long started = createAudit(cscUser(), auditBody("SINGLE_AGENCY_AUDIT", "CSC own " + (++seq), "CSC", List.of(), "2034-01-01",
                "2034-03-31"));
        api().put(manager(), audit(started), withParticipants(started, "TVP")).expect(200);
        Map<String, Object> start = editable(started);
        start.put("status", "IN_PROGRESS");
        api().put(cscUser(), audit(started), start).expect(200);
        String before2 = snapshot(started);
        for (String token : List.of(cscUser(), cscLead())) {
            expectProblemOn(api().put(token, audit(started), withParticipants(started)), 409, "participatingAgencies");
        }
        assertEquals(before2, snapshot(started));
        assertEquals(Set.of("CSC", "TVP"), participants(started));
    }

    @Test
    void aParticipantThatDoesNotLeadChangesNoParticipants() {
        long id = commissioned();
        String before = snapshot(id);
        api().put(cscUser(), audit(id), withParticipants(id, "CSC", "OH")).expect(403);
        api().put(ohUser(), audit(id), withParticipants(id, "CSC", "OH")).expect(404);
        api().put(chair(), audit(id), withParticipants(id, "CSC", "OH")).expect(403);
        assertEquals(before, snapshot(id));
    }
}
