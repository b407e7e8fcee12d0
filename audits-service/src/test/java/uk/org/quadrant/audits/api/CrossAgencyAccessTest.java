package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uk.org.quadrant.common.testing.api.Api.body;
import static uk.org.quadrant.common.testing.api.Api.contains;
import static uk.org.quadrant.common.testing.api.Api.find;

/**
 * Deny by default, over HTTP, for every endpoint of audits-service: no token is a 401; TVP reads
 * nothing of a CSC single-agency audit (a 404, exactly as for an audit that does not exist) and
 * writes nothing to it; the chair writes nothing; contributors and leads do not do the manager's
 * work; after each refused write nothing has changed; and TVP's theme analysis leaves out the
 * findings of audits TVP cannot see.
 *
 * <p>Data (reporting year 2050): CSC_ONLY, a CSC single-agency audit (set up by CSC) with a case and
 * a finding tagged NEGLECT and FATHERS; MACA, a multi-agency case audit led by CSC with TVP, with
 * CSC's view of a case and a TVP finding tagged NEGLECT; TVP_ONLY, TVP's single-agency audit with a
 * finding tagged NEGLECT.
 */
@MicronautTest
class CrossAgencyAccessTest extends ApiTestBase {

    private static final long MADE_UP = 987654321L;
    private static final String SECRET = "CSC-only finding: fathers were not seen";
    private static final String YEAR = "?from=2050-01-01&to=2050-12-31";

    private boolean seeded;
    private long cscOnly;
    private long cscFinding;
    private long cscRecommendation;
    private long maca;
    private long macaFinding;
    private long macaRecommendation;
    private long tvpOnly;
    private int seq;

    /** One request of the catalogue; the body is built when sent (it may need a current version). */
    record Call(String name, String method, String uri, Supplier<Object> body) {
        Call(String name, String method, String uri) {
            this(name, method, uri, () -> null);
        }

        @Override
        public String toString() {
            return name + " (" + method + " " + uri + ")";
        }
    }

    // ---- data ------------------------------------------------------------------------------------

    private void data() {
        if (seeded) {
            return;
        }
        cscOnly = createAudit(cscUser(), auditBody("SINGLE_AGENCY_AUDIT", "CSC only: supervision audit", "CSC", List.of(),
                "2050-01-01", "2050-03-31"));
        recordCase(cscUser(), cscOnly, "CSC-2050-01", "GOOD", null).expect(201);
        cscFinding = recordFinding(cscUser(), cscOnly, "CONCERN", SECRET, List.of("NEGLECT", "FATHERS")).expect(201).id();
        cscRecommendation = recordFinding(cscUser(), cscOnly, "RECOMMENDATION", "CSC-only recommendation", List.of()).expect(201).id();

        maca = multiAgencyAudit("MACA 2050", "CSC", List.of("TVP"), "2050-04-01", "2050-06-30");
        recordCase(cscUser(), maca, "MACA-2050-01", "GOOD", "CSC").expect(201);
        macaFinding = recordFinding(tvpUser(), maca, "LEARNING_POINT", "Shared neglect finding", List.of("NEGLECT")).expect(201).id();
        macaRecommendation = recordFinding(manager(), maca, "RECOMMENDATION", "Shared recommendation", List.of()).expect(201).id();

        tvpOnly = createAudit(tvpUser(), auditBody("SINGLE_AGENCY_AUDIT", "TVP only", "TVP", List.of(), "2050-07-01", "2050-09-30"));
        recordFinding(tvpUser(), tvpOnly, "LEARNING_POINT", "TVP neglect finding", List.of("NEGLECT")).expect(201);
        seeded = true;
    }

    private String snapshotAll() {
        return snapshot(cscOnly, maca, tvpOnly);
    }

    // ---- the catalogue ---------------------------------------------------------------------------

    /** Reads that concern one audit (and one of its findings). */
    private static List<Call> auditReads(long auditId, long findingId) {
        return List.of(
                new Call("get audit", "GET", audit(auditId)),
                new Call("list cases", "GET", cases(auditId)),
                new Call("grades", "GET", grades(auditId)),
                new Call("list findings", "GET", findings(auditId)),
                new Call("get finding", "GET", finding(findingId)));
    }

    private static List<Call> reads(long auditId, long findingId) {
        List<Call> calls = new ArrayList<>(List.of(
                new Call("list audits", "GET", AUDITS),
                new Call("list themes", "GET", THEMES),
                new Call("theme analysis", "GET", ANALYSIS),
                new Call("theme analysis filtered", "GET", ANALYSIS + YEAR + "&quadrant=QUALITATIVE&agency=CSC&minSources=2"),
                new Call("change log", "GET", CHANGE_LOG),
                new Call("me", "GET", "/api/v1/me")));
        calls.addAll(auditReads(auditId, findingId));
        return calls;
    }

    /**
     * Writes to one audit (and sending one of its recommendations to actions-service). The PUT carries
     * the audit's current version (read by the manager).
     */
    private List<Call> auditWrites(long auditId, long recommendationId) {
        return List.of(
                new Call("send recommendation to actions", "POST", finding(recommendationId) + "/action", () -> Map.of()),
                new Call("change audit", "PUT", audit(auditId), () -> {
                    Map<String, Object> b = editable(auditId == MADE_UP ? cscOnly : auditId);
                    b.put("title", "Changed " + (++seq));
                    b.put("status", "IN_PROGRESS");
                    return b;
                }),
                new Call("record CSC case view", "POST", cases(auditId), () -> caseBody("XA-" + (++seq), "GOOD", "CSC")),
                new Call("record own case view", "POST", cases(auditId), () -> body("caseRef", "XA-" + (++seq), "grade", "GOOD")),
                new Call("record joint conclusion", "POST", cases(auditId), () -> caseBody("XA-" + (++seq), "GOOD", "JOINT")),
                new Call("record finding", "POST", findings(auditId),
                        () -> findingBody("CONCERN", "refused finding " + (++seq), List.of("NEGLECT"), null, null)),
                new Call("record finding for CSC", "POST", findings(auditId),
                        () -> findingBody("CONCERN", "refused finding " + (++seq), List.of("NEGLECT"), null, "CSC")));
    }

    private List<Call> managerOnlyWrites(String agency) {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("add theme", "POST", THEMES, () -> body("code", "REFUSED_THEME_" + (++seq), "label", "Refused")));
        for (String type : List.of("MULTI_AGENCY_CASE_AUDIT", "SERIOUS_CASE_REVIEW", "LEARNING_REVIEW", "DOMESTIC_HOMICIDE_REVIEW")) {
            calls.add(new Call("set up " + type + " for " + agency, "POST", AUDITS,
                    () -> auditBody(type, "Refused " + type, agency, List.of(), "2050-01-01", "2050-03-31")));
        }
        return calls;
    }

    private List<Call> setUpFor(String agency) {
        return List.of(new Call("set up single-agency audit for " + agency, "POST", AUDITS,
                () -> auditBody("SINGLE_AGENCY_AUDIT", "Refused single " + (++seq), agency, List.of(), "2050-01-01", "2050-03-31")));
    }

    private List<Call> allWrites(long auditId, long recommendationId) {
        List<Call> calls = new ArrayList<>(auditWrites(auditId, recommendationId));
        calls.addAll(managerOnlyWrites("CSC"));
        calls.addAll(setUpFor("CSC"));
        return calls;
    }

    /** Sends each call as the given user; asserts the status is one of those allowed and that nothing changed. */
    private void assertRefused(String who, String token, List<Call> calls, int... allowedStatuses) {
        List<String> failures = new ArrayList<>();
        String before = snapshotAll();
        for (Call call : calls) {
            Api.Res res = api().send(call.method(), call.uri(), call.body().get(), token);
            boolean ok = false;
            for (int s : allowedStatuses) {
                ok |= res.status == s;
            }
            if (!ok) {
                failures.add(who + ": " + call + " -> " + res.status + " " + res.body);
            }
            String after = snapshotAll();
            if (!before.equals(after)) {
                failures.add(who + ": " + call + " changed data (status " + res.status + ")");
            }
            before = after;
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " refused request(s) misbehaved:\n" + String.join("\n", failures));
        }
    }

    /** The body with the given ids (as whole numbers) replaced, so a hidden and a made-up id compare. */
    private static String normalise(String body, long... ids) {
        String out = body;
        for (long id : ids) {
            out = out.replaceAll("(?<![\\w.])" + id + "(?![\\w])", "ID");
        }
        return out;
    }

    // ---- (a) no token ----------------------------------------------------------------------------

    @Test
    void everyEndpointNeedsAToken() {
        data();
        List<Call> all = new ArrayList<>(reads(cscOnly, cscFinding));
        all.addAll(reads(MADE_UP, MADE_UP));
        all.addAll(allWrites(cscOnly, cscRecommendation));
        all.addAll(allWrites(MADE_UP, MADE_UP));
        assertRefused("no token", null, all, 401);
        assertEquals(401, api().raw("POST", null, cases(cscOnly), "{not json").status);
        assertEquals(401, api().raw("PUT", null, audit(cscOnly), "{not json").status);
        assertEquals(401, api().get("not-a-token", audit(cscOnly)).status);
    }

    // ---- (b) another agency reads nothing of CSC's own audit -------------------------------------------

    @Test
    void tvpReadsOfACscAuditLookExactlyLikeAMissingAudit() {
        data();
        List<String> failures = new ArrayList<>();
        for (String token : List.of(tvpUser(), tvpLead())) {
            List<Call> hidden = auditReads(cscOnly, cscFinding);
            List<Call> missing = auditReads(MADE_UP, MADE_UP);
            for (int i = 0; i < hidden.size(); i++) {
                Api.Res h = api().send("GET", hidden.get(i).uri(), null, token);
                Api.Res m = api().send("GET", missing.get(i).uri(), null, token);
                if (h.status != 404) {
                    failures.add(hidden.get(i) + " -> " + h.status + " " + h.body);
                    continue;
                }
                m.expect(404);
                String hb = normalise(h.body, cscOnly, cscFinding);
                String mb = normalise(m.body, MADE_UP);
                if (!hb.equals(mb)) {
                    failures.add(hidden.get(i) + " is distinguishable from a made-up id:\n  hidden:   " + h.body + "\n  made up:  " + m.body);
                }
                if (h.body.contains(SECRET) || h.body.contains("CSC only")) {
                    failures.add(hidden.get(i) + " leaks content: " + h.body);
                }
            }
            List<Map<String, Object>> list = api().get(token, AUDITS).expect(200).list();
            if (contains(list, "id", cscOnly)) {
                failures.add("TVP's audit list shows CSC's single-agency audit: " + list);
            }
            if (!contains(list, "id", maca) || !contains(list, "id", tvpOnly)) {
                failures.add("TVP's audit list misses the audits it takes part in: " + list);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " read(s) misbehaved:\n" + String.join("\n", failures));
        }
    }

    @Test
    void agenciesReadWhatTheyLeadOrTakePartIn() {
        data();
        for (String token : List.of(tvpUser(), tvpLead())) {
            for (Call call : auditReads(maca, macaFinding)) {
                assertEquals(200, api().send("GET", call.uri(), null, token).status, "TVP takes part: " + call);
            }
        }
        for (String token : List.of(cscUser(), cscLead())) {
            for (Call call : auditReads(cscOnly, cscFinding)) {
                assertEquals(200, api().send("GET", call.uri(), null, token).status, "CSC's own: " + call);
            }
            api().get(token, audit(tvpOnly)).expect(404);
        }
        String oh = tokens.agencyUser("oh.user", "OH", "AGENCY_CONTRIBUTOR");
        for (long id : List.of(cscOnly, maca, tvpOnly)) {
            api().get(oh, audit(id)).expect(404);
        }
        assertFalse(api().get(oh, AUDITS).expect(200).list().stream().anyMatch(a -> String.valueOf(a.get("title")).contains("2050")
                || String.valueOf(a.get("title")).contains("only")), "OH sees none of them");
        // me, themes and the analysis are for everyone signed in
        assertEquals("TVP", api().get(tvpUser(), "/api/v1/me").expect(200).get("agency"));
        api().get(tvpUser(), THEMES).expect(200);
        api().get(tvpUser(), ANALYSIS).expect(200);
    }

    @Test
    void theBoardReadsEveryAudit() {
        data();
        for (String token : List.of(manager(), chair())) {
            for (long[] pair : new long[][]{{cscOnly, cscFinding}, {maca, macaFinding}}) {
                for (Call call : auditReads(pair[0], pair[1])) {
                    assertEquals(200, api().send("GET", call.uri(), null, token).status, call.toString());
                }
            }
            List<Map<String, Object>> list = api().get(token, AUDITS).expect(200).list();
            assertTrue(contains(list, "id", cscOnly) && contains(list, "id", maca) && contains(list, "id", tvpOnly), list.toString());
        }
        // the change log is the board manager's administrative record
        api().get(manager(), CHANGE_LOG).expect(200);
        for (String token : List.of(chair(), cscUser(), cscLead(), tvpUser(), tvpLead())) {
            api().get(token, CHANGE_LOG).expect(403);
        }
    }

    // ---- (c) another agency writes nothing of CSC's ---------------------------------------------------

    @Test
    void tvpWritesNothingToACscAuditAndTheRefusalLooksLikeAMissingAudit() {
        data();
        assertRefused("tvp.user", tvpUser(), allWrites(cscOnly, cscRecommendation), 403, 404);
        assertRefused("tvp.lead", tvpLead(), allWrites(cscOnly, cscRecommendation), 403, 404);
        // an audit TVP cannot see refuses writes exactly as one that does not exist
        List<String> failures = new ArrayList<>();
        for (String token : List.of(tvpUser(), tvpLead())) {
            List<Call> hidden = auditWrites(cscOnly, cscRecommendation);
            List<Call> missing = auditWrites(MADE_UP, MADE_UP);
            for (int i = 0; i < hidden.size(); i++) {
                Api.Res h = api().send(hidden.get(i).method(), hidden.get(i).uri(), hidden.get(i).body().get(), token);
                Api.Res m = api().send(missing.get(i).method(), missing.get(i).uri(), missing.get(i).body().get(), token);
                if (m.status != h.status || !normalise(m.body, MADE_UP).equals(normalise(h.body, cscOnly, cscRecommendation))) {
                    failures.add(hidden.get(i) + " is distinguishable from a made-up id:\n  hidden:   " + h + "\n  made up:  " + m);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " write(s) misbehaved:\n" + String.join("\n", failures));
        }
    }

    @Test
    void aParticipantWritesOnlyItsOwnAgencysPart() {
        data();
        List<Call> notTvps = List.of(
                new Call("change the lead's audit", "PUT", audit(maca), () -> {
                    Map<String, Object> b = editable(maca);
                    b.put("title", "Changed by TVP");
                    return b;
                }),
                new Call("record CSC's view", "POST", cases(maca), () -> caseBody("MACA-2050-02", "GOOD", "CSC")),
                new Call("record the joint conclusion", "POST", cases(maca), () -> caseBody("MACA-2050-02", "GOOD", "JOINT")),
                new Call("record OH's view", "POST", cases(maca), () -> caseBody("MACA-2050-02", "GOOD", "OH")),
                new Call("send the lead's recommendation to actions", "POST", finding(macaRecommendation) + "/action", () -> Map.of()));
        assertRefused("tvp.user", tvpUser(), notTvps, 403);
        assertRefused("tvp.lead", tvpLead(), notTvps, 403);
        // its own part it writes
        recordCase(tvpUser(), maca, "MACA-2050-03", "GOOD", "TVP").expect(201);
    }

    // ---- (d) the chair writes nothing -------------------------------------------------------------------

    @Test
    void theChairWritesNothing() {
        data();
        List<Call> calls = new ArrayList<>(allWrites(cscOnly, cscRecommendation));
        calls.addAll(auditWrites(maca, macaRecommendation));
        calls.addAll(auditWrites(tvpOnly, macaRecommendation));
        calls.addAll(managerOnlyWrites("BOARD"));
        calls.addAll(setUpFor("TVP"));
        assertRefused("chair", chair(), calls, 403);
    }

    // ---- (e) contributors and leads do not do the manager's work ---------------------------------------------

    @Test
    void contributorsAndLeadsDoNotDoTheManagersWork() {
        data();
        assertRefused("csc.user", cscUser(), managerOnlyWrites("CSC"), 403);
        assertRefused("csc.lead", cscLead(), managerOnlyWrites("CSC"), 403);
        assertRefused("tvp.user", tvpUser(), managerOnlyWrites("TVP"), 403);
        assertRefused("tvp.lead", tvpLead(), managerOnlyWrites("TVP"), 403);
        // nor set up audits for another agency
        assertRefused("csc.lead", cscLead(), setUpFor("TVP"), 403);
        assertRefused("tvp.user", tvpUser(), setUpFor("CSC"), 403);
    }

    // ---- (f) the theme analysis only counts what the caller may see ------------------------------------------

    @Test
    void tvpsThemeAnalysisLeavesOutAuditsTvpCannotSee() {
        data();
        for (String token : List.of(tvpUser(), tvpLead())) {
            Api.Res res = api().get(token, ANALYSIS + YEAR).expect(200);
            assertFalse(res.body.contains(SECRET), "no example from CSC's own audit: " + res.body);
            assertFalse(res.body.contains("CSC only"), "no title of CSC's own audit: " + res.body);
            List<Map<String, Object>> rows = res.list();
            assertFalse(contains(rows, "theme", "FATHERS"), "FATHERS is only in CSC's own audit: " + rows);
            Map<String, Object> neglect = find(rows, "theme", "NEGLECT");
            assertEquals(2, ((Number) neglect.get("findings")).intValue(), neglect.toString());
            assertEquals(2, ((Number) neglect.get("sources")).intValue(), "MACA and TVP's own: " + neglect);
            // nor by asking for CSC's findings
            assertFalse(api().get(token, ANALYSIS + YEAR + "&agency=CSC").expect(200).body.contains(SECRET));
            assertFalse(api().get(token, ANALYSIS).expect(200).body.contains(SECRET));
        }
        // CSC sees its own and the MACA, not TVP's own
        Map<String, Object> csc = find(api().get(cscUser(), ANALYSIS + YEAR).expect(200).list(), "theme", "NEGLECT");
        assertEquals(2, ((Number) csc.get("sources")).intValue(), csc.toString());
        assertTrue(contains(api().get(cscUser(), ANALYSIS + YEAR).expect(200).list(), "theme", "FATHERS"));
        // the board sees all three
        for (String token : List.of(manager(), chair())) {
            List<Map<String, Object>> rows = api().get(token, ANALYSIS + YEAR).expect(200).list();
            assertEquals(3, ((Number) find(rows, "theme", "NEGLECT").get("sources")).intValue(), rows.toString());
            assertTrue(contains(rows, "theme", "FATHERS"));
        }
    }

    // ---- positive control: the same kinds of write, by those allowed, succeed ---------------------------------

    @Test
    void theSameWritesByThoseAllowedSucceed() {
        data();
        long own = createAudit(cscUser(), auditBody("SINGLE_AGENCY_AUDIT", "CSC control " + (++seq), "CSC", List.of(), "2050-01-01",
                "2050-03-31"));
        for (Call call : auditWrites(own, cscRecommendation)) {
            if (call.uri().endsWith("/action")) {
                continue; // needs actions-service, which does not run here
            }
            Api.Res res = api().send(call.method(), call.uri(), call.body().get(), cscUser());
            assertTrue(res.status == 200 || res.status == 201, "CSC on its own audit: " + call + " -> " + res);
        }
        api().post(manager(), THEMES, body("code", "CONTROL_THEME", "label", "Control")).expect(201);
        for (String type : List.of("MULTI_AGENCY_CASE_AUDIT", "SERIOUS_CASE_REVIEW", "LEARNING_REVIEW", "DOMESTIC_HOMICIDE_REVIEW")) {
            api().post(manager(), AUDITS, auditBody(type, "Manager " + type, "CSC", List.of("TVP"), "2050-01-01", "2050-03-31")).expect(201);
        }
        api().post(tvpLead(), AUDITS, auditBody("SINGLE_AGENCY_AUDIT", "TVP control", "TVP", List.of(), "2050-01-01", "2050-03-31"))
                .expect(201);
    }
}
