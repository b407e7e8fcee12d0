package uk.org.quadrant.indicators.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uk.org.quadrant.common.testing.api.Api.assertNumber;
import static uk.org.quadrant.common.testing.api.Api.body;
import static uk.org.quadrant.common.testing.api.Api.contains;
import static uk.org.quadrant.common.testing.api.Api.find;

/**
 * Deny by default, over HTTP: for every endpoint, no token is a 401; another agency reads none of
 * CSC's unapproved values (a 404, as if they did not exist) and writes none of its data (403); the
 * chair writes nothing; contributors and leads do not do the manager's or lead's work; and after each
 * refused write nothing has changed. Indicator codes here start with "CA-".
 *
 * <p>Data: CA-CSC (CSC, published) with values in every state — 2014/15 RETURNED 450, 2015/16
 * APPROVED 500, 2016/17 SUBMITTED 550, 2017/18 DRAFT 900 — a target (2017/18: 650), a baseline and a
 * benchmark; CA-HIDDEN (CSC, unpublished) with 2016/17 APPROVED 10; CA-TVP (TVP) with a 2016/17
 * draft; population CA_U18 2017.
 */
@MicronautTest
class CrossAgencyAccessTest extends ApiTestBase {

    private static final String CSC = "CA-CSC";
    private static final String HIDDEN = "CA-HIDDEN";
    private static final String TVP = "CA-TVP";

    private boolean seeded;
    private int controlSeq;

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

    // ---- data ------------------------------------------------------------------------------

    private void data() {
        if (seeded) {
            return;
        }
        seed(CSC);
        Map<String, Object> hidden = indicator(HIDDEN, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 2);
        hidden.put("published", false);
        assertEquals(Boolean.FALSE, define(hidden).get("published"));
        enterApproved(cscUser(), cscLead(), HIDDEN, "2016April", 10);
        define(indicator(TVP, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "TVP", 2));
        enter(tvpUser(), TVP, "2016April", 5, null).expect(200);
        api().put(manager(), "/api/v1/populations/CA_U18/2017", Map.of("value", 100000)).expect(200);
        seeded = true;
    }

    /** A CSC indicator with figures and a value in every workflow state. */
    private void seed(String code) {
        Api api = api();
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 2));
        api.put(manager(), INDICATORS + "/" + code + "/targets/2017April", Map.of("value", 650)).expect(200);
        api.put(manager(), INDICATORS + "/" + code + "/baselines/2015April", Map.of("value", 500)).expect(200);
        api.put(manager(), INDICATORS + "/" + code + "/benchmarks/2016April/ENGLAND", Map.of("value", 520)).expect(200);
        enter(cscUser(), code, "2014April", 450, null).expect(200);
        api.post(cscLead(), value(code, "2014April") + "/submit", Map.of()).expect(200);
        api.post(manager(), value(code, "2014April") + "/return", body("reason", "check")).expect(200);
        enterApproved(cscUser(), cscLead(), code, "2015April", 500);
        enter(cscUser(), code, "2016April", 550, null).expect(200);
        api.post(cscLead(), value(code, "2016April") + "/submit", Map.of()).expect(200);
        enter(cscUser(), code, "2017April", 900, null).expect(200);
    }

    private Long versionOf(String code, String period) {
        Api.Res res = api().get(cscUser(), value(code, period));
        return res.status == 200 ? res.version() : null;
    }

    /** Everything a refused write could have changed, read by those who may see it. */
    private String snapshot() {
        Api api = api();
        StringBuilder s = new StringBuilder();
        s.append(api.get(manager(), INDICATORS).expect(200).body).append('\n');
        for (String code : List.of(CSC, HIDDEN, TVP)) {
            for (String kind : List.of("targets", "baselines", "benchmarks")) {
                s.append(api.get(manager(), INDICATORS + "/" + code + "/" + kind).expect(200).body).append('\n');
            }
        }
        s.append(api.get(cscUser(), values(CSC)).expect(200).body).append('\n');
        s.append(api.get(cscUser(), values(HIDDEN)).expect(200).body).append('\n');
        s.append(api.get(tvpUser(), values(TVP)).expect(200).body).append('\n');
        s.append(api.get(manager(), "/api/v1/populations").expect(200).body).append('\n');
        s.append(api.get(manager(), "/api/v1/change-log?limit=500").expect(200).body).append('\n');
        return s.toString();
    }

    // ---- the catalogue of endpoints ------------------------------------------------------------

    private static List<Call> reads(String code) {
        String i = INDICATORS + "/" + code;
        return List.of(
                new Call("list indicators", "GET", INDICATORS),
                new Call("get indicator", "GET", i),
                new Call("list targets", "GET", i + "/targets"),
                new Call("list baselines", "GET", i + "/baselines"),
                new Call("list benchmarks", "GET", i + "/benchmarks"),
                new Call("list populations", "GET", "/api/v1/populations"),
                new Call("list values", "GET", i + "/values"),
                new Call("get value", "GET", i + "/values/2015April?agency=CSC"),
                new Call("series", "GET", i + "/series"),
                new Call("change", "GET", i + "/change?from=2015April&to=2016April"),
                new Call("scorecard", "GET", "/api/v1/scorecard"),
                new Call("scorecard filtered", "GET", "/api/v1/scorecard?agency=CSC&priority=2&period=2017April"),
                new Call("exceptions", "GET", "/api/v1/exceptions"),
                new Call("submissions", "GET", "/api/v1/submissions?period=2016April"),
                new Call("series export", "GET", i + "/series.csv"),
                new Call("scorecard export", "GET", "/api/v1/scorecard.csv"));
    }

    private List<Call> managerOnlyWrites(String code) {
        String i = INDICATORS + "/" + code;
        return List.of(
                new Call("create indicator", "POST", INDICATORS,
                        () -> indicator(code + "-NEW", "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1)),
                new Call("update indicator", "PUT", i, () -> {
                    Map<String, Object> d = indicator(code, "COUNT", "HIGHER_IS_BETTER", "FINANCIAL_YEAR", "TVP", 1);
                    d.put("version", api().get(manager(), i).expect(200).version());
                    return d;
                }),
                new Call("put target", "PUT", i + "/targets/2017April", () -> Map.of("value", 1)),
                new Call("put new target", "PUT", i + "/targets/2018April", () -> Map.of("value", 1)),
                new Call("delete target", "DELETE", i + "/targets/2017April"),
                new Call("put baseline", "PUT", i + "/baselines/2015April", () -> Map.of("value", 1)),
                new Call("delete baseline", "DELETE", i + "/baselines/2015April"),
                new Call("put benchmark", "PUT", i + "/benchmarks/2016April/ENGLAND", () -> Map.of("value", 1)),
                new Call("delete benchmark", "DELETE", i + "/benchmarks/2016April/ENGLAND"),
                new Call("put population", "PUT", "/api/v1/populations/CA_U18/2017", () -> Map.of("value", 1)),
                new Call("approve submitted", "POST", i + "/values/2016April/approve", () -> body("agency", "CSC")),
                new Call("return submitted", "POST", i + "/values/2016April/return", () -> body("agency", "CSC", "reason", "no")),
                new Call("reopen approved", "POST", i + "/values/2015April/reopen", () -> body("agency", "CSC", "reason", "no")));
    }

    private List<Call> leadWrites(String code) {
        String i = INDICATORS + "/" + code;
        return List.of(
                new Call("submit draft", "POST", i + "/values/2017April/submit", () -> body("agency", "CSC")),
                new Call("submit returned", "POST", i + "/values/2014April/submit", () -> body("agency", "CSC")));
    }

    private List<Call> valueWrites(String code) {
        String i = INDICATORS + "/" + code;
        List<Call> calls = new ArrayList<>();
        for (String period : List.of("2017April", "2014April", "2016April", "2015April")) {
            calls.add(new Call("edit value " + period, "PUT", i + "/values/" + period,
                    () -> body("agency", "CSC", "value", 1, "version", versionOf(code, period))));
        }
        calls.add(new Call("create value", "PUT", i + "/values/2013April", () -> body("agency", "CSC", "value", 1)));
        return calls;
    }

    private List<Call> allWrites(String code) {
        List<Call> calls = new ArrayList<>(managerOnlyWrites(code));
        calls.addAll(leadWrites(code));
        calls.addAll(valueWrites(code));
        return calls;
    }

    /** Sends each call as the given user and asserts the status and that nothing changed. */
    private void assertRefused(String who, String token, List<Call> calls, int... allowedStatuses) {
        List<String> failures = new ArrayList<>();
        String before = snapshot();
        for (Call call : calls) {
            Api.Res res = api().send(call.method(), call.uri(), call.body().get(), token);
            boolean ok = false;
            for (int s : allowedStatuses) {
                ok |= res.status == s;
            }
            if (!ok) {
                failures.add(who + ": " + call + " -> " + res.status + " " + res.body);
            }
            String after = snapshot();
            if (!before.equals(after)) {
                failures.add(who + ": " + call + " changed data (status " + res.status + ")");
            }
            before = after;
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " refused write(s) misbehaved:\n" + String.join("\n", failures));
        }
    }

    // ---- (a) no token ----------------------------------------------------------------------

    @Test
    void everyEndpointNeedsAToken() {
        data();
        List<Call> all = new ArrayList<>(reads(CSC));
        all.addAll(allWrites(CSC));
        assertRefused("no token", null, all, 401);
        // A malformed body does not get past authentication either.
        assertEquals(401, api().raw("PUT", null, value(CSC, "2017April"), "{not json").status);
    }

    // ---- (b) another agency ----------------------------------------------------------------

    @Test
    void anotherAgencyCannotReadUnapprovedValuesAndTheyLookMissing() {
        data();
        Api api = api();
        for (String token : List.of(tvpUser(), tvpLead())) {
            Api.Res missing = api.get(token, value(CSC, "2013April") + "?agency=CSC").expect(404);
            for (String period : List.of("2017April", "2016April", "2014April")) {   // DRAFT, SUBMITTED, RETURNED
                Api.Res hidden = api.get(token, value(CSC, period) + "?agency=CSC").expect(404);
                assertEquals(missing.body.replace("2013April", "P"), hidden.body.replace(period, "P"),
                        "an unapproved value looks exactly like a missing one");
                // Without naming the agency they get their own (missing) value, never CSC's.
                api.get(token, value(CSC, period)).expect(404);
            }
            Map<String, Object> approved = api.get(token, value(CSC, "2015April") + "?agency=CSC").expect(200).map();
            assertNumber("500", approved.get("value"), "approved value of a published indicator");
            assertEquals("APPROVED", approved.get("status"));

            List<Map<String, Object>> list = api.get(token, values(CSC)).expect(200).list();
            assertEquals(List.of("2015April"), list.stream().map(v -> v.get("period")).toList(), "only the approved value: " + list);

            api.get(token, INDICATORS + "/" + CSC + "/change?from=2015April&to=2016April").expect(404);
            api.get(token, INDICATORS + "/" + CSC + "/change?from=2014April&to=2015April").expect(404);
            api.get(token, INDICATORS + "/" + CSC + "/change?from=2015April&to=2017April&agency=CSC").expect(404);
        }
    }

    @Test
    void anotherAgencySeesApprovedValuesOfPublishedIndicatorsOnly() {
        data();
        Api api = api();
        api.get(tvpUser(), value(HIDDEN, "2016April") + "?agency=CSC").expect(404);
        assertTrue(api.get(tvpUser(), values(HIDDEN)).expect(200).list().isEmpty());
        assertTrue(api.get(tvpUser(), INDICATORS + "/" + HIDDEN + "/series").expect(200).list().stream()
                .allMatch(p -> p.get("value") == null), "no values in the unpublished series");
        Map<String, Object> row = find(api.get(tvpUser(), "/api/v1/scorecard").expect(200).list(), "code", HIDDEN);
        assertNull(row.get("value"), "unpublished: no value on TVP's scorecard: " + row);
        // The owner and the board see it.
        assertNumber("10", api.get(cscUser(), value(HIDDEN, "2016April")).expect(200).get("value"), "owner");
        assertNumber("10", api.get(chair(), value(HIDDEN, "2016April")).expect(200).get("value"), "chair");
        assertNumber("10", find(api.get(manager(), "/api/v1/scorecard").expect(200).list(), "code", HIDDEN).get("value"), "board scorecard");
    }

    @Test
    void seriesScorecardAndExceptionsOfAnotherAgencyExcludeUnapprovedValues() {
        data();
        Api api = api();
        List<Map<String, Object>> series = api.get(tvpUser(), INDICATORS + "/" + CSC + "/series").expect(200).list();
        List<Object> shown = series.stream().map(p -> p.get("value")).filter(Objects::nonNull).map(Api::dec)
                .map(d -> (Object) d.stripTrailingZeros().toPlainString()).toList();
        assertEquals(List.of("500"), shown, "TVP's series of CSC's indicator: " + series);
        assertTrue(series.stream().allMatch(p -> p.get("status") == null || "APPROVED".equals(p.get("status"))), series.toString());
        // The target still shows (definitions are public), with no value behind it.
        Map<String, Object> p17 = find(series, "period", "2017April");
        assertNull(p17.get("value"));
        assertEquals("DATA_ONLY", p17.get("rag"));

        Map<String, Object> row = find(api.get(tvpUser(), "/api/v1/scorecard").expect(200).list(), "code", CSC);
        assertEquals("2015April", row.get("period"), "latest value TVP may see: " + row);
        assertNumber("500", row.get("value"), "scorecard value");
        assertEquals(1, ((List<?>) row.get("trend")).size(), "trend of approved values only: " + row);
        assertFalse(contains(api.get(tvpUser(), "/api/v1/exceptions").expect(200).list(), "code", CSC));
        // TVP sees its own draft on its own indicator.
        assertNumber("5", find(api.get(tvpUser(), "/api/v1/scorecard").expect(200).list(), "code", TVP).get("value"), "own draft");

        // CSC sees its own draft (900 against 650: RED) and so has an exception.
        Map<String, Object> own = find(api.get(cscUser(), "/api/v1/exceptions").expect(200).list(), "code", CSC);
        assertEquals("RED", own.get("rag"));
        assertEquals("DRAFT", own.get("status"));

        // The board sees all but drafts.
        for (String token : List.of(manager(), chair())) {
            api.get(token, value(CSC, "2017April")).expect(404);
            assertEquals("SUBMITTED", api.get(token, value(CSC, "2016April")).expect(200).get("status"));
            assertEquals("RETURNED", api.get(token, value(CSC, "2014April")).expect(200).get("status"));
            List<Map<String, Object>> board = api.get(token, INDICATORS + "/" + CSC + "/series").expect(200).list();
            assertNull(find(board, "period", "2017April").get("value"), "board series hides the draft");
            assertNumber("550", find(board, "period", "2016April").get("value"), "board series shows the submitted value");
            Map<String, Object> boardRow = find(api.get(token, "/api/v1/scorecard").expect(200).list(), "code", CSC);
            assertEquals("2016April", boardRow.get("period"), "board scorecard stops before the draft: " + boardRow);
            assertFalse(contains(api.get(token, "/api/v1/exceptions").expect(200).list(), "code", CSC), "draft is not the board's exception");
            assertEquals(3, api.get(token, values(CSC)).expect(200).list().size(), "board lists RETURNED, APPROVED, SUBMITTED");
        }
    }

    @Test
    void submissionsShowAnAgencyOnlyItsOwnReturns() {
        data();
        Map<String, Object> tvp = api().get(tvpUser(), "/api/v1/submissions?period=2016April").expect(200).map();
        List<?> agencies = (List<?>) tvp.get("agencies");
        assertEquals(1, agencies.size(), "TVP sees only its own row: " + tvp);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) agencies.get(0);
        assertEquals("TVP", row.get("agency"));
        assertTrue(String.valueOf(row.get("items")).contains(TVP));
        assertFalse(tvp.toString().contains(CSC), "nothing of CSC's: " + tvp);
        // The board sees both.
        Map<String, Object> board = api().get(manager(), "/api/v1/submissions?period=2016April").expect(200).map();
        List<Map<String, Object>> rows = castList(board.get("agencies"));
        assertTrue(contains(rows, "agency", "CSC") && contains(rows, "agency", "TVP"), board.toString());
        // And CSC sees only CSC.
        List<Map<String, Object>> csc = castList(api().get(cscLead(), "/api/v1/submissions?period=2016April").expect(200).map().get("agencies"));
        assertEquals(List.of("CSC"), csc.stream().map(r -> r.get("agency")).toList());
    }

    @Test
    void anotherAgencyWritesNothingOfCscs() {
        data();
        assertRefused("tvp.user", tvpUser(), allWrites(CSC), 403);
        assertRefused("tvp.lead", tvpLead(), allWrites(CSC), 403);
        // Refusals do not depend on whether the value exists.
        Api.Res onDraft = api().post(tvpLead(), value(CSC, "2017April") + "/submit", body("agency", "CSC")).expect(403);
        Api.Res onNothing = api().post(tvpLead(), value(CSC, "2013April") + "/submit", body("agency", "CSC")).expect(403);
        assertEquals(onNothing.body.replace("2013April", "P"), onDraft.body.replace("2017April", "P"));
    }

    /**
     * The board sees every value but another agency's drafts (the contract, and ValueVisibility). The
     * audit trail is the board manager's administrative record (docs/decisions.md): the chair and the
     * agencies cannot read it, so it is no side door to a draft's figure for them.
     */
    @Test
    void theAuditTrailIsTheManagersAlone() {
        data();
        for (String token : List.of(chair(), tvpLead())) {
            api().get(token, value(CSC, "2017April")).expect(404);
        }
        for (String token : List.of(chair(), tvpLead(), cscUser())) {
            api().get(token, "/api/v1/change-log?entityType=value&entityId=" + Api.enc(CSC + "/CSC/2017April")).expect(403);
        }
        api().get(manager(), "/api/v1/change-log?entityType=value&entityId=" + Api.enc(CSC + "/CSC/2017April")).expect(200);
    }

    // ---- (c) the chair ---------------------------------------------------------------------

    @Test
    void theChairWritesNothing() {
        data();
        assertRefused("chair", chair(), allWrites(CSC), 403);
        assertRefused("chair", chair(), allWrites(TVP), 403);
        // but reads everything the board reads
        for (Call call : reads(CSC)) {
            assertEquals(200, api().send(call.method(), call.uri(), null, chair()).status, call.toString());
        }
    }

    // ---- (d) contributors and leads within their own agency -------------------------------------

    @Test
    void contributorsAndLeadsDoNotDoTheManagersWork() {
        data();
        assertRefused("csc.user", cscUser(), managerOnlyWrites(CSC), 403);
        assertRefused("csc.user", cscUser(), leadWrites(CSC), 403);
        assertRefused("csc.lead", cscLead(), managerOnlyWrites(CSC), 403);
        assertRefused("tvp.user", tvpUser(), managerOnlyWrites(TVP), 403);
        assertRefused("tvp.user", tvpUser(), List.of(new Call("submit own draft", "POST", value(TVP, "2016April") + "/submit",
                () -> body())), 403);
        assertRefused("tvp.lead", tvpLead(), managerOnlyWrites(TVP), 403);
        // The change log is the board's.
        api().get(cscLead(), "/api/v1/change-log").expect(403);
    }

    // ---- everyone signed in reads definitions and reports ---------------------------------------

    @Test
    void agencyUsersReadDefinitionsAndReports() {
        data();
        for (Call call : reads(CSC)) {
            if (call.name().equals("change log") || call.name().equals("change")) {
                continue;
            }
            assertEquals(200, api().send(call.method(), call.uri(), null, tvpUser()).status, call.toString());
        }
    }

    // ---- positive control: the same writes, by those allowed, succeed -------------------------

    /**
     * Each write of the catalogue, sent by someone allowed to make it on a fresh copy of the data,
     * succeeds (so the refusals above are refusals, not mistakes in the requests).
     */
    @Test
    void theSameWritesSucceedForThoseAllowed() {
        data();
        List<String> failures = new ArrayList<>();
        int n = managerOnlyWrites("X").size();
        for (int k = 0; k < n; k++) {
            String code = "CA-C" + (++controlSeq);
            seed(code);
            Call call = managerOnlyWrites(code).get(k);
            check(failures, "manager", manager(), call);
        }
        for (int k = 0; k < leadWrites("X").size(); k++) {
            String code = "CA-C" + (++controlSeq);
            seed(code);
            check(failures, "csc.lead", cscLead(), leadWrites(code).get(k));
        }
        for (int k = 0; k < valueWrites("X").size(); k++) {
            String code = "CA-C" + (++controlSeq);
            seed(code);
            Call call = valueWrites(code).get(k);
            Api.Res res = api().send(call.method(), call.uri(), call.body().get(), cscUser());
            // Submitted and approved values are locked (409): that is the workflow, not access control.
            boolean locked = call.uri().endsWith("2016April") || call.uri().endsWith("2015April");
            if (res.status != (locked ? 409 : 200)) {
                failures.add("csc.user: " + call + " -> " + res.status + " " + res.body);
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    private void check(List<String> failures, String who, String token, Call call) {
        Api.Res res = api().send(call.method(), call.uri(), call.body().get(), token);
        if (res.status < 200 || res.status > 299) {
            failures.add(who + ": " + call + " -> " + res.status + " " + res.body);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
