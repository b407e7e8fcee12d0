package uk.org.quadrant.indicators.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.org.quadrant.indicators.reports.ScorecardService;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.quadrant.common.testing.api.Api.assertNumber;
import static uk.org.quadrant.common.testing.api.Api.body;
import static uk.org.quadrant.common.testing.api.Api.find;

/**
 * Which cached scorecards each kind of write changes, and that no other is recomputed.
 *
 * <p>Two indicators, EDU's and PH's, both published. Four readers whose scorecards are cached
 * between writes: EDU's contributor (sees its own values in every state, PH's approved ones), the
 * chair (everything but drafts), the chair filtered to PH, and PH's contributor. After every write
 * each reader's answer is compared with what it was — exactly the readers that should see the write
 * must have a different answer — and with a freshly computed one (a period filter no request has used
 * before, which no cache holds): a stale answer fails either way. The service's count of computed
 * segments per owner agency shows which parts were recomputed: an agency's draft makes its own
 * scorecard recompute its own segment and nothing else, the board's scorecard is answered from cache.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScorecardInvalidationTest extends ApiTestBase {

    private static final String EDU = "SCV-EDU";
    private static final String PH = "SCV-PH";
    private static final String HEADER = "indicator_code,period,agency,value,numerator,denominator,comment\n";

    @Inject
    ScorecardService scorecards;

    /** A second replica of the service on the same database, with its own cache. */
    private EmbeddedServer replica;
    private Api replicaApi;
    /** Fresh "as at" periods: each is a cache key no earlier request used. */
    private int fresh;

    /** The readers, by name: token and query. */
    private final Map<String, Reader> readers = new LinkedHashMap<>();

    private record Reader(Supplier<String> token, String query) {
    }

    private String eduUser() {
        return tokens.agencyUser("edu.user", "EDU", "AGENCY_CONTRIBUTOR");
    }

    private String eduLead() {
        return tokens.agencyUser("edu.lead", "EDU", "AGENCY_LEAD");
    }

    private String phUser() {
        return tokens.agencyUser("ph.user", "PH", "AGENCY_CONTRIBUTOR");
    }

    @BeforeAll
    void setUp() {
        define(indicator(EDU, "COUNT", "LOWER_IS_BETTER", "MONTHLY", "EDU", 6));
        define(indicator(PH, "COUNT", "LOWER_IS_BETTER", "MONTHLY", "PH", 6));
        readers.put("EDU", new Reader(this::eduUser, "priority=6"));
        readers.put("chair", new Reader(this::chair, "priority=6"));
        readers.put("chair/PH", new Reader(this::chair, "priority=6&agency=PH"));
        readers.put("PH", new Reader(this::phUser, "priority=6"));
        Map<String, Object> props = new HashMap<>(getProperties());
        // Same database (the H2 in-memory one of this JVM, or MariaDB under -Pmysql); no migration or clean-up.
        props.put("flyway.datasources.default.enabled", "false");
        props.put("micronaut.server.port", "-1");
        replica = ApplicationContext.run(EmbeddedServer.class, props, "test");
        replicaApi = new Api(replica.getApplicationContext().createBean(HttpClient.class, replica.getURL()), jsonMapper);
    }

    @AfterAll
    void stopReplica() {
        if (replica != null) {
            replica.getApplicationContext().close();
        }
    }

    private Map<String, String> read(Api on) {
        Map<String, String> answers = new LinkedHashMap<>();
        readers.forEach((name, r) -> answers.put(name, on.get(r.token().get(), "/api/v1/scorecard?" + r.query()).expect(200).body));
        return answers;
    }

    private Map<String, Long> computed() {
        return Map.of("EDU", scorecards.computations("EDU"), "PH", scorecards.computations("PH"));
    }

    /**
     * Runs the write between two reads of every reader and checks which answers changed and how
     * many segments of each owner agency were computed for the second read.
     */
    private Map<String, String> write(Runnable write, Set<String> changed, long eduSegments, long phSegments) {
        Map<String, String> before = read(api());
        assertEquals(before, read(api()), "nothing written, nothing changed");
        Map<String, Long> computedBefore = computed();
        write.run();
        Map<String, String> after = read(api());
        Map<String, Long> computedAfter = computed();
        Set<String> differ = new TreeSet<>();
        readers.keySet().forEach(name -> {
            if (!before.get(name).equals(after.get(name))) {
                differ.add(name);
            }
        });
        assertEquals(new TreeSet<>(changed), differ, "the readers whose scorecard this write changed");
        assertEquals(eduSegments, computedAfter.get("EDU") - computedBefore.get("EDU"), "EDU segments computed again");
        assertEquals(phSegments, computedAfter.get("PH") - computedBefore.get("PH"), "PH segments computed again");
        // Every cached answer equals one computed now from the database.
        String asAt = String.format("%04d%02d", 2099 - fresh / 12, fresh % 12 + 1);
        fresh++;
        readers.forEach((name, r) -> assertEquals(after.get(name),
                api().get(r.token().get(), "/api/v1/scorecard?" + r.query() + "&period=" + asAt).expect(200).body,
                name + ": the cached scorecard is the one the database gives now"));
        return after;
    }

    private Map<String, Object> row(String answer, String code) {
        try {
            List<Map<String, Object>> rows = jsonMapper.readValue(answer,
                    io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
            return find(rows, "code", code);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long version(String token, String code, String period, String agency) {
        return api().get(token, value(code, period) + (agency == null ? "" : "?agency=" + agency)).expect(200).version();
    }

    private void importCsv(String token, String csv) {
        HttpResponse<String> res = client.toBlocking().exchange(HttpRequest.POST("/api/v1/values/import?format=quadrant", csv)
                .contentType("text/csv").bearerAuth(token), String.class);
        assertEquals(200, res.code());
    }

    @Test
    @Order(1)
    void aDraftChangesOnlyTheOwnerAgencysScorecard() {
        Map<String, String> after = write(() -> enter(eduUser(), EDU, "201901", 10, null).expect(200),
                Set.of("EDU"), 1, 0);
        assertNumber("10", row(after.get("EDU"), EDU).get("value"), "EDU sees its draft");
        assertEquals("DRAFT", row(after.get("EDU"), EDU).get("status"));
        assertEquals(null, row(after.get("chair"), EDU).get("value"), "the board does not see a draft");
    }

    @Test
    @Order(2)
    void aSubmissionReachesTheBoardButNotOtherAgencies() {
        Map<String, String> after = write(() -> api().post(eduLead(), value(EDU, "201901") + "/submit", Map.of()).expect(200),
                Set.of("EDU", "chair"), 2, 0);
        assertEquals("SUBMITTED", row(after.get("chair"), EDU).get("status"));
        assertEquals(null, row(after.get("PH"), EDU).get("value"), "PH sees approved values only");
    }

    @Test
    @Order(3)
    void anApprovalReachesEveryone() {
        Map<String, String> after = write(() -> api().post(manager(), value(EDU, "201901") + "/approve", Map.of()).expect(200),
                Set.of("EDU", "chair", "PH"), 3, 0);
        assertNumber("10", row(after.get("PH"), EDU).get("value"), "PH sees the approved value");
    }

    @Test
    @Order(4)
    void reopeningTakesItBackFromOtherAgencies() {
        Map<String, String> after = write(() -> api().post(manager(), value(EDU, "201901") + "/reopen", body("reason", "recount")).expect(200),
                Set.of("EDU", "chair", "PH"), 3, 0);
        assertEquals("RETURNED", row(after.get("chair"), EDU).get("status"));
        assertEquals(null, row(after.get("PH"), EDU).get("value"));
    }

    @Test
    @Order(5)
    void correctingAReturnedValueTakesItBackFromTheBoard() {
        long version = version(eduUser(), EDU, "201901", null);
        Map<String, String> after = write(() -> enter(eduUser(), EDU, "201901", 11, version).expect(200),
                Set.of("EDU", "chair"), 2, 0);
        assertNumber("11", row(after.get("EDU"), EDU).get("value"), "EDU sees its corrected draft");
        assertEquals(null, row(after.get("chair"), EDU).get("value"), "a returned value corrected is a draft again");
    }

    @Test
    @Order(6)
    void aReturnChangesTheOwnerAndTheBoard() {
        api().post(eduLead(), value(EDU, "201901") + "/submit", Map.of()).expect(200);
        Map<String, String> after = write(() -> api().post(manager(), value(EDU, "201901") + "/return", body("reason", "check")).expect(200),
                Set.of("EDU", "chair"), 2, 0);
        assertEquals("RETURNED", row(after.get("EDU"), EDU).get("status"));
        assertEquals("RETURNED", row(after.get("chair"), EDU).get("status"));
    }

    @Test
    @Order(7)
    void anImportOfDraftsChangesOnlyTheirOwnersScorecard() {
        write(() -> importCsv(eduUser(), HEADER + EDU + ",201902,EDU,12,,,\n"), Set.of("EDU"), 1, 0);
        // The manager's import of PH's drafts: PH's own scorecard only.
        write(() -> importCsv(manager(), HEADER + PH + ",201902,PH,7,,,\n"), Set.of("PH"), 0, 1);
    }

    @Test
    @Order(8)
    void aValueForAnotherAgencysIndicatorIsOnNoScorecardAndLeavesTheOwnersCacheAlone() {
        // PH enters, submits and has approved its own figure for EDU's indicator: scorecards show
        // owners' values only, so no answer changes and nothing of EDU's is recomputed. PH's own
        // counters move (see ScorecardVersions.Changes.value: not narrowed by ownership, which is
        // read without a lock): its own view, then the board's, then everyone's.
        write(() -> enter(phUser(), EDU, "201901", 99, null).expect(200), Set.of(), 0, 1);
        write(() -> api().post(manager(), value(EDU, "201901") + "/submit", body("agency", "PH")).expect(200), Set.of(), 0, 2);
        write(() -> api().post(manager(), value(EDU, "201901") + "/approve", body("agency", "PH")).expect(200), Set.of(), 0, 3);
    }

    @Test
    @Order(9)
    void aDefinitionChangeReachesEveryoneWhoSeesTheIndicator() {
        Map<String, Object> current = api().get(manager(), INDICATORS + "/" + EDU).expect(200).map();
        Map<String, Object> definition = new HashMap<>(indicator(EDU, "COUNT", "LOWER_IS_BETTER", "MONTHLY", "EDU", 6));
        definition.put("title", "Renamed " + EDU);
        definition.put("version", current.get("version"));
        Map<String, String> after = write(() -> api().put(manager(), INDICATORS + "/" + EDU, definition).expect(200),
                Set.of("EDU", "chair", "PH"), 3, 0);
        assertEquals("Renamed " + EDU, row(after.get("PH"), EDU).get("title"));
    }

    @Test
    @Order(10)
    void aTargetReachesEveryoneWhoSeesTheIndicator() {
        // A target for the period every reader's row shows: EDU's draft of 201902, the board's returned 201901.
        write(() -> api().put(manager(), INDICATORS + "/" + EDU + "/targets/201902", Map.of("value", 5)).expect(200),
                Set.of("EDU"), 3, 0);
        Map<String, String> after = write(() -> api().put(manager(), INDICATORS + "/" + EDU + "/targets/201901", Map.of("value", 5)).expect(200),
                Set.of("chair"), 3, 0);
        assertNumber("5", row(after.get("chair"), EDU).get("target"), "the board's row has its target");
        write(() -> api().delete(manager(), INDICATORS + "/" + EDU + "/targets/201901").expect(204),
                Set.of("chair"), 3, 0);
        // PH's own indicator's target: PH's segments, never EDU's.
        write(() -> api().put(manager(), INDICATORS + "/" + PH + "/targets/201902", Map.of("value", 5)).expect(200),
                Set.of("PH"), 0, 3);
    }

    @Test
    @Order(11)
    void anotherReplicasWritesAreSeenAtOnce() {
        Map<String, String> here = read(api());
        Map<String, String> there = read(replicaApi);
        assertEquals(here, there, "both replicas answer the same");
        long version = version(eduUser(), EDU, "201902", null);
        // Written through the replica: this instance's cached scorecards must not survive it.
        replicaApi.put(eduUser(), value(EDU, "201902"), body("value", 13, "version", version)).expect(200);
        replicaApi.post(eduLead(), value(EDU, "201902") + "/submit", Map.of()).expect(200);
        Map<String, String> hereAfter = read(api());
        assertNumber("13", row(hereAfter.get("chair"), EDU).get("value"), "the board here sees the replica's submission");
        assertNumber("13", row(hereAfter.get("EDU"), EDU).get("value"), "EDU here sees it");
        // And the other way round.
        replicaApi.post(manager(), value(EDU, "201902") + "/approve", Map.of()).expect(200);
        assertNumber("13", row(read(api()).get("PH"), EDU).get("value"), "PH here sees the approval made there");
        api().post(manager(), value(EDU, "201902") + "/reopen", body("reason", "recount")).expect(200);
        Map<String, String> thereAfter = read(replicaApi);
        assertEquals(null, row(thereAfter.get("PH"), EDU).get("value"), "PH there no longer sees the re-opened value");
        assertEquals(read(api()), thereAfter, "both replicas answer the same");
    }
}
