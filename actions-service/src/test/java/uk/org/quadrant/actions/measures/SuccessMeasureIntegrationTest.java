package uk.org.quadrant.actions.measures;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.actions.support.IndicatorsStub;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Success measures evaluated live against indicators-service, here a JDK HTTP server on loopback:
 * MET / NOT_MET by comparator, NO_DATA, and UNAVAILABLE when indicators-service fails or is slow
 * (the action still reads); unknown indicators refused on create; one scorecard call per list; the
 * caller's own token passed on.
 */
@MicronautTest(transactional = false)
class SuccessMeasureIntegrationTest extends ApiTestBase {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final AtomicInteger refs = new AtomicInteger();

    @Override
    protected IndicatorsStub indicatorsStub() {
        return new IndicatorsStub()
                .latest("CP-TIMELINESS", "2018Q1", "Jan-Mar 2018", new BigDecimal("80.5"), "GREEN")
                .latest("REPEAT-CP", "2017April", "2017/18", new BigDecimal("18"), "GREEN")
                .latest("NEW-MEASURE", null, null, null, "DATA_ONLY")
                .latest("ROUND-VALUE", "201803", "March 2018", new BigDecimal("80.000"), "GREEN")
                .know("NOT-ON-SCORECARD");
    }

    @BeforeEach
    void fresh() {
        indicators.reset();
    }

    private String reader() {
        return tvpUser();
    }

    private long plan(String title) {
        Api.Res r = api().post(manager(), "/api/v1/plans", Map.of("title", title, "sourceType", "BUSINESS_PLAN",
                "sourceRef", "measures-" + refs.incrementAndGet()));
        assertEquals(201, r.status, r::toString);
        return ((Number) r.map().get("id")).longValue();
    }

    private Map<String, Object> actionBody(String indicator, String comparator, Object target, String lead) {
        Map<String, Object> body = new HashMap<>();
        body.put("ref", "M" + refs.incrementAndGet());
        body.put("issue", "Child protection conferences were not timely");
        body.put("action", "Track timeliness monthly");
        body.put("outcome", "Conferences held on time");
        body.put("measure", "Timeliness indicator");
        body.put("dueDate", LocalDate.now(UK).plusDays(120).toString());
        body.put("leadRole", "Head of Service");
        body.put("leadAgency", lead);
        body.put("priority", 2);
        if (indicator != null) {
            body.put("measureIndicator", indicator);
            body.put("measureComparator", comparator);
            body.put("measureTarget", target);
        }
        return body;
    }

    private long action(long planId, String indicator, String comparator, Object target) {
        Api.Res r = api().post(manager(), "/api/v1/plans/" + planId + "/actions", actionBody(indicator, comparator, target, "CSC"));
        assertEquals(201, r.status, r::toString);
        return ((Number) r.map().get("id")).longValue();
    }

    private Map<String, Object> read(long actionId, String token) {
        Api.Res r = api().get(token, "/api/v1/actions/" + actionId);
        assertEquals(200, r.status, r::toString);
        return r.map();
    }

    private static void assertNumber(String expected, Object actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())), "expected " + expected + " but was " + actual);
    }

    private int changeLogSize() {
        Api.Res r = api().get(manager(), "/api/v1/change-log?limit=500");
        assertEquals(200, r.status, r::toString);
        return r.list().size();
    }

    @Test
    void metWhenTheLatestValueReachesAHigherIsBetterTarget() {
        long plan = plan("GTE measures");
        Map<String, Object> above = read(action(plan, "CP-TIMELINESS", "GTE", 75), reader());
        assertEquals("MET", above.get("measureStatus"), above::toString);
        assertNumber("80.5", above.get("measureValue"));
        assertEquals("2018Q1", above.get("measurePeriod"));
        assertEquals("Jan-Mar 2018", above.get("measurePeriodLabel"));
        assertEquals("CP-TIMELINESS", above.get("measureIndicator"));
        assertEquals("GTE", above.get("measureComparator"));
        assertNumber("75", above.get("measureTarget"));

        Map<String, Object> equal = read(action(plan, "CP-TIMELINESS", "GTE", "80.5"), reader());
        assertEquals("MET", equal.get("measureStatus"), "value equal to a GTE target meets it: " + equal);
    }

    @Test
    void metWhenTheLatestValueIsWithinALowerIsBetterTarget() {
        long plan = plan("LTE measures");
        Map<String, Object> below = read(action(plan, "REPEAT-CP", "LTE", 20), reader());
        assertEquals("MET", below.get("measureStatus"), below::toString);
        assertNumber("18", below.get("measureValue"));
        assertEquals("2017April", below.get("measurePeriod"));
        assertEquals("2017/18", below.get("measurePeriodLabel"));

        Map<String, Object> equal = read(action(plan, "REPEAT-CP", "LTE", 18), reader());
        assertEquals("MET", equal.get("measureStatus"), "value equal to an LTE target meets it: " + equal);

        Map<String, Object> above = read(action(plan, "REPEAT-CP", "LTE", 15), reader());
        assertEquals("NOT_MET", above.get("measureStatus"), above::toString);
        assertNumber("18", above.get("measureValue"));
    }

    @Test
    void notMetWhenTheLatestValueFallsShortShowsTheValue() {
        long plan = plan("Not met");
        Map<String, Object> a = read(action(plan, "CP-TIMELINESS", "GTE", 90), reader());
        assertEquals("NOT_MET", a.get("measureStatus"), a::toString);
        assertNumber("80.5", a.get("measureValue"));
        assertEquals("2018Q1", a.get("measurePeriod"));
    }

    @Test
    void targetsAndValuesAreWrittenAsPlainNumbers() {
        long plan = plan("Round numbers");
        Api.Res r = api().get(reader(), "/api/v1/actions/" + action(plan, "ROUND-VALUE", "GTE", 20));
        assertEquals(200, r.status, r::toString);
        assertEquals("MET", r.map().get("measureStatus"), r::toString);
        assertTrue(r.body.contains("\"measureTarget\":20,"), "target 20 written as 20, not 2E+1: " + r.body);
        assertTrue(r.body.contains("\"measureValue\":80,"), "value 80.000 written as 80, not 8E+1: " + r.body);
    }

    @Test
    void noDataWhenTheIndicatorHasNoValueOrIsNotOnTheScorecard() {
        long plan = plan("No data");
        Map<String, Object> nullValue = read(action(plan, "NEW-MEASURE", "GTE", 50), reader());
        assertEquals("NO_DATA", nullValue.get("measureStatus"), nullValue::toString);
        assertNull(nullValue.get("measureValue"));
        assertNull(nullValue.get("measurePeriod"));

        Map<String, Object> absent = read(action(plan, "NOT-ON-SCORECARD", "LTE", 10), reader());
        assertEquals("NO_DATA", absent.get("measureStatus"), absent::toString);
        assertNull(absent.get("measureValue"));
        assertNull(absent.get("measurePeriod"));
    }

    @Test
    void anActionWithoutACriterionHasNoMeasureStatus() {
        long plan = plan("Unmeasured");
        Api.Res r = api().post(manager(), "/api/v1/plans/" + plan + "/actions", actionBody(null, null, null, "CSC"));
        assertEquals(201, r.status, r::toString);
        indicators.reset();
        Map<String, Object> a = read(((Number) r.map().get("id")).longValue(), reader());
        assertNull(a.get("measureStatus"), a::toString);
        assertNull(a.get("measureValue"));
        assertEquals(0, indicators.scorecardCalls() + indicators.indicatorCalls(), "nothing to measure, nothing to ask");
    }

    @Test
    void unavailableWhenIndicatorsServiceFailsButTheActionStillReads() {
        long plan = plan("Indicators down");
        long id = action(plan, "CP-TIMELINESS", "GTE", 75);
        Api.Res plain = api().post(manager(), "/api/v1/plans/" + plan + "/actions", actionBody(null, null, null, "CSC"));
        assertEquals(201, plain.status, plain::toString);
        indicators.scorecardMode(IndicatorsStub.Mode.ERROR);

        Map<String, Object> a = read(id, reader());
        assertEquals("UNAVAILABLE", a.get("measureStatus"), a::toString);
        assertNull(a.get("measureValue"), "never an old value shown as current");
        assertNull(a.get("measurePeriod"));
        assertNotNull(a.get("delivery"));

        Api.Res list = api().get(reader(), "/api/v1/actions?agency=CSC");
        assertEquals(200, list.status, list::toString);
        Map<String, Object> inList = list.list().stream().filter(x -> ((Number) x.get("id")).longValue() == id).findFirst().orElseThrow();
        assertEquals("UNAVAILABLE", inList.get("measureStatus"));

        Api.Res withActions = api().get(reader(), "/api/v1/plans/" + plan);
        assertEquals(200, withActions.status, withActions::toString);
        List<?> actions = (List<?>) withActions.map().get("actions");
        assertEquals(2, actions.size());
        assertEquals("UNAVAILABLE", ((Map<?, ?>) actions.get(0)).get("measureStatus"));
        assertNull(((Map<?, ?>) actions.get(1)).get("measureStatus"), "an unmeasured action stays unmeasured");
        assertTrue(indicators.scorecardCalls() >= 1, "indicators-service was asked");
    }

    @Test
    void unavailableWhenIndicatorsServiceAnswersWithSomethingThatIsNotJson() {
        long id = action(plan("Indicators garbled"), "CP-TIMELINESS", "GTE", 75);
        indicators.scorecardMode(IndicatorsStub.Mode.GARBAGE);
        Map<String, Object> a = read(id, reader());
        assertEquals("UNAVAILABLE", a.get("measureStatus"), a::toString);
        assertNull(a.get("measureValue"));
    }

    @Test
    void unavailableWhenIndicatorsServiceIsSlowerThanTheReadTimeout() {
        long id = action(plan("Indicators slow"), "CP-TIMELINESS", "GTE", 75);
        indicators.slowness(Duration.ofSeconds(6));
        indicators.scorecardMode(IndicatorsStub.Mode.SLOW);
        long start = System.nanoTime();
        Map<String, Object> a = read(id, reader());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("UNAVAILABLE", a.get("measureStatus"), a::toString);
        assertNull(a.get("measureValue"));
        assertNull(a.get("measurePeriod"));
        assertTrue(took.compareTo(Duration.ofMillis(4500)) < 0, "gave up at the 2 s read timeout, took " + took);

        // and once it answers again, the measure is live again
        indicators.scorecardMode(IndicatorsStub.Mode.OK);
        assertEquals("MET", read(id, reader()).get("measureStatus"));
    }

    @Test
    void anUnknownIndicatorIsRefusedNamingTheFieldAndNothingIsWritten() {
        long plan = plan("Unknown indicator");
        int before = changeLogSize();
        Api.Res r = api().post(manager(), "/api/v1/plans/" + plan + "/actions", actionBody("NO-SUCH-INDICATOR", "GTE", 10, "CSC"));
        assertEquals(400, r.status, r::toString);
        assertTrue(r.contentType.startsWith("application/problem+json"), r::toString);
        assertTrue(r.body.contains("\"field\":\"measureIndicator\""), r::toString);
        assertEquals(1, indicators.indicatorCalls(), "the code was checked with indicators-service");
        assertEquals(0, ((List<?>) api().get(manager(), "/api/v1/plans/" + plan).map().get("actions")).size());
        assertEquals(before, changeLogSize());
    }

    @Test
    void creatingAMeasurableActionWhileIndicatorsServiceFailsIs503AndNothingIsWritten() {
        long plan = plan("Cannot check");
        int before = changeLogSize();
        indicators.indicatorMode(IndicatorsStub.Mode.ERROR);
        Api.Res r = api().post(manager(), "/api/v1/plans/" + plan + "/actions", actionBody("CP-TIMELINESS", "GTE", 75, "CSC"));
        assertEquals(503, r.status, r::toString);
        assertTrue(r.contentType.startsWith("application/problem+json"), r::toString);
        assertTrue(r.body.contains("\"status\":503"), r::toString);
        assertFalse(r.body.contains("Exception"), r::toString);
        assertEquals(0, ((List<?>) api().get(manager(), "/api/v1/plans/" + plan).map().get("actions")).size());
        assertEquals(before, changeLogSize());

        // slow to answer the check: same answer, not a 500
        indicators.slowness(Duration.ofSeconds(5));
        indicators.indicatorMode(IndicatorsStub.Mode.SLOW);
        Api.Res slow = api().post(manager(), "/api/v1/plans/" + plan + "/actions", actionBody("CP-TIMELINESS", "GTE", 75, "CSC"));
        assertEquals(503, slow.status, slow::toString);
        assertTrue(slow.contentType.startsWith("application/problem+json"), slow::toString);
        assertEquals(0, ((List<?>) api().get(manager(), "/api/v1/plans/" + plan).map().get("actions")).size());
        assertEquals(before, changeLogSize());

        // an action without a criterion needs no check, so it can still be added
        Api.Res plain = api().post(manager(), "/api/v1/plans/" + plan + "/actions", actionBody(null, null, null, "CSC"));
        assertEquals(201, plain.status, plain::toString);
    }

    @Test
    void oneScorecardCallPerListHoweverManyActionsAreMeasurable() {
        long plan = plan("Many measures");
        action(plan, "CP-TIMELINESS", "GTE", 75);
        action(plan, "CP-TIMELINESS", "GTE", 95);
        action(plan, "REPEAT-CP", "LTE", 20);
        action(plan, "NEW-MEASURE", "GTE", 1);
        action(plan, "NOT-ON-SCORECARD", "LTE", 5);
        assertEquals(201, api().post(manager(), "/api/v1/plans/" + plan + "/actions", actionBody(null, null, null, "CSC")).status);

        indicators.reset();
        Api.Res all = api().get(reader(), "/api/v1/actions");
        assertEquals(200, all.status, all::toString);
        assertTrue(all.list().stream().filter(a -> a.get("measureIndicator") != null).count() >= 5);
        assertEquals(1, indicators.scorecardCalls(), "one scorecard call for the whole list");
        assertEquals(0, indicators.indicatorCalls(), "no per-indicator calls when reading");

        indicators.reset();
        Api.Res one = api().get(reader(), "/api/v1/plans/" + plan);
        assertEquals(200, one.status, one::toString);
        List<?> actions = (List<?>) one.map().get("actions");
        assertEquals(List.of("MET", "NOT_MET", "MET", "NO_DATA", "NO_DATA"),
                actions.stream().limit(5).map(a -> ((Map<?, ?>) a).get("measureStatus")).toList());
        assertEquals(1, indicators.scorecardCalls(), "one scorecard call for a plan's actions");

        indicators.reset();
        assertEquals(200, api().get(reader(), "/api/v1/actions?agency=CSC&priority=2").status);
        assertEquals(1, indicators.scorecardCalls(), "one scorecard call for a filtered list");

        indicators.reset();
        assertEquals(200, api().get(reader(), "/api/v1/actions?agency=NPS").status);
        assertEquals(0, indicators.scorecardCalls(), "no measurable action in the list, no call");
    }

    @Test
    void indicatorsServiceIsAskedWithTheCallersOwnToken() {
        long plan = plan("Whose token");
        String manager = manager();
        Api.Res created = api().post(manager, "/api/v1/plans/" + plan + "/actions", actionBody("CP-TIMELINESS", "GTE", 75, "CSC"));
        assertEquals(201, created.status, created::toString);
        assertEquals(List.of("Bearer " + manager), indicators.indicatorAuthorizations());
        long id = ((Number) created.map().get("id")).longValue();

        indicators.reset();
        String tvp = reader();
        read(id, tvp);
        assertEquals(List.of("Bearer " + tvp), indicators.scorecardAuthorizations());

        indicators.reset();
        String chair = chair();
        read(id, chair);
        api().get(chair, "/api/v1/actions");
        assertEquals(List.of("Bearer " + chair, "Bearer " + chair), indicators.scorecardAuthorizations(),
                "each reader's own token, never an earlier caller's");
    }
}
