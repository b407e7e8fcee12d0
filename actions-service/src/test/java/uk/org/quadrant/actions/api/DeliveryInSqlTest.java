package uk.org.quadrant.actions.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.actions.support.ApiTestBase;
import uk.org.quadrant.actions.domain.ActionStatus;
import uk.org.quadrant.actions.domain.Delivery;
import uk.org.quadrant.actions.domain.SourceType;
import uk.org.quadrant.actions.plans.ActionPlan;
import uk.org.quadrant.actions.plans.ActionPlanRepository;
import uk.org.quadrant.actions.plans.PlanAction;
import uk.org.quadrant.actions.plans.PlanActionRepository;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.actions.support.SettableDeliveryClock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: the action list, the roll-ups and the due feed classify in SQL; this proves that SQL
 * ({@code DeliverySql}) gives what the domain rule {@link Delivery#of} gives, for every action, at every
 * boundary: done statuses; due long ago, yesterday, today, tomorrow, a day inside, at and a day past the
 * due-soon horizon, far ahead; last activity exactly the stale threshold ago, a millisecond and a day short
 * of it, long ago, recent, in the future, with and without progress updates. Time stands still on a clock the
 * test sets (midday in summer; the instant the UK date turns at midnight BST, a day before the UTC date does;
 * a winter instant with sub-millisecond digits), and the actions are made around each instant and checked at
 * each. The expectations come from {@link Delivery#of} and the roll-up and due-feed rules as they were
 * written in Java before (the oracle below). Runs on H2 and, with -Pmysql, on MariaDB.
 */
@MicronautTest(transactional = false)
class DeliveryInSqlTest extends ApiTestBase {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int DUE_SOON_DAYS = 30;
    private static final int STALE_DAYS = 90;
    private static final Duration STALE = Duration.ofDays(STALE_DAYS);
    private static final Duration MS = Duration.ofMillis(1);
    private static final List<Instant> MOMENTS = List.of(
            Instant.parse("2026-06-15T10:30:00.123Z"),          // midday, summer time
            Instant.parse("2026-06-15T23:00:00Z"),              // 00:00 BST on 16 June: the UK date has turned, UTC's not
            Instant.parse("2026-01-10T23:59:59.999500001Z"));   // winter, digits below the millisecond
    private static final List<String> AGENCIES = List.of("TVP", "CSC", "EDU");
    private static final List<Integer> PRIORITIES = Arrays.asList(null, 1, 2, 3);
    private static final int PLANS = 11; // more than 9, so that plan keys sort as text ("10" before "9")

    private final SettableDeliveryClock.Settable clock = SettableDeliveryClock.CLOCK;

    @Inject
    ActionPlanRepository plans;
    @Inject
    PlanActionRepository actions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put(SettableDeliveryClock.PROPERTY, DUE_SOON_DAYS + "," + STALE_DAYS);
        return p;
    }

    @BeforeAll
    void makeActionsAroundEveryMoment() {
        List<Long> planIds = new ArrayList<>();
        for (int p = 0; p < PLANS; p++) {
            planIds.add(plans.save(new ActionPlan(null, "Delivery in SQL " + p, SourceType.SERIOUS_CASE_REVIEW, "delivery-sql-" + p,
                    null, null, "test", "test", Instant.now(), null)).id());
        }
        List<PlanAction> made = new ArrayList<>();
        int n = 0;
        for (Instant at : MOMENTS) {
            LocalDate today = LocalDate.ofInstant(at, UK);
            Instant threshold = at.minus(STALE).truncatedTo(ChronoUnit.MILLIS); // the columns hold milliseconds
            // {last progress update, created}
            List<Instant[]> activity = List.of(
                    new Instant[]{null, threshold},                               // never updated, created exactly 90 days ago
                    new Instant[]{null, threshold.plus(MS)},                      // a millisecond short of stale
                    new Instant[]{null, at.minus(STALE).plusSeconds(86_400)},     // a day short
                    new Instant[]{null, at.minus(Duration.ofDays(1000))},         // created long ago, never updated
                    new Instant[]{null, at},                                      // created just now
                    new Instant[]{threshold, at.minus(Duration.ofDays(1000))},    // updated exactly 90 days ago
                    new Instant[]{threshold.plus(MS), at.minus(Duration.ofDays(1000))},
                    new Instant[]{at.minus(STALE).plusSeconds(86_400), at.minus(Duration.ofDays(1000))},
                    new Instant[]{at.minus(Duration.ofHours(1)), at.minus(Duration.ofDays(1000))},
                    new Instant[]{at.plus(Duration.ofHours(1)), at.minus(Duration.ofDays(1000))}); // a clock ahead
            List<LocalDate> dues = List.of(today.minusDays(400), today.minusDays(1), today, today.plusDays(1),
                    today.plusDays(DUE_SOON_DAYS - 1), today.plusDays(DUE_SOON_DAYS), today.plusDays(DUE_SOON_DAYS + 1),
                    today.plusDays(365));
            for (ActionStatus status : ActionStatus.values()) {
                for (LocalDate due : dues) {
                    for (Instant[] act : activity) {
                        n++;
                        made.add(new PlanAction(null, planIds.get(n % PLANS), "D" + n, "Issue " + n, "Action " + n, null, null,
                                null, null, null, due, "Lead", AGENCIES.get(n % AGENCIES.size()),
                                PRIORITIES.get((n / 3) % PRIORITIES.size()), status, null, act[0], "test", act[1], "test",
                                act[1], null));
                    }
                }
            }
        }
        actions.saveAll(made);
    }

    @Test
    void everyEndpointClassifiesAsTheDomainRuleAtEveryMoment() {
        for (Instant at : MOMENTS) {
            clock.set(at);
            Oracle oracle = new Oracle(at, actions.findAll());
            String when = " at " + at + " (UK date " + oracle.today + ")";
            assertTrue(oracle.all.size() >= 960, "the boundary actions are there" + when);
            for (Delivery d : Delivery.values()) {
                assertFalse(oracle.select(null, d, null).isEmpty(), "every delivery is exercised: " + d + when);
            }

            wholeList(oracle, when);
            for (Delivery d : Delivery.values()) {
                assertList("/api/v1/actions?delivery=" + d, oracle.select(null, d, null), oracle, when);
                assertList("/api/v1/actions?agency=TVP&delivery=" + d, oracle.select("TVP", d, null), oracle, when);
                assertList("/api/v1/actions?priority=2&delivery=" + d, oracle.select(null, d, 2), oracle, when);
                assertList("/api/v1/actions?agency=CSC&priority=1&delivery=" + d, oracle.select("CSC", d, 1), oracle, when);
            }
            assertList("/api/v1/actions?agency=EDU", oracle.select("EDU", null, null), oracle, when);
            assertPages("/api/v1/actions", oracle.select(null, null, null), 97, oracle, when);
            assertPages("/api/v1/actions?delivery=AT_RISK", oracle.select(null, Delivery.AT_RISK, null), 37, oracle, when);
            assertPages("/api/v1/actions?agency=TVP&delivery=ON_TRACK", oracle.select("TVP", Delivery.ON_TRACK, null), 10, oracle, when);

            for (String by : List.of("agency", "priority", "plan")) {
                Api.Res r = api().get(manager(), "/api/v1/rollups?by=" + by);
                assertEquals(200, r.status, r::toString);
                assertEquals(normalised(oracle.rollups(by)), normalised(r.list()), "roll-ups by " + by + when);
            }

            for (int days : List.of(0, 1, DUE_SOON_DAYS - 1, DUE_SOON_DAYS, DUE_SOON_DAYS + 1, 366)) {
                for (String agency : Arrays.asList(null, "TVP", "tvp", "NOBODY")) {
                    String path = "/api/v1/actions/due?days=" + days + (agency == null ? "" : "&agency=" + agency);
                    Api.Res r = api().get(manager(), path);
                    assertEquals(200, r.status, r::toString);
                    assertEquals(normalised(oracle.due(days, agency)), normalised(r.list()), path + when);
                }
            }
        }
    }

    /** The whole list: every action, in order, each with the domain rule's delivery, and no paging header. */
    private void wholeList(Oracle oracle, String when) {
        HttpResponse<String> whole = client.toBlocking().exchange(HttpRequest.GET("/api/v1/actions").bearerAuth(manager()), String.class);
        assertNull(whole.header("X-Total-Count"));
        assertList("/api/v1/actions", oracle.all, oracle, when);
    }

    private void assertList(String path, List<PlanAction> expected, Oracle oracle, String when) {
        Api.Res r = api().get(manager(), path);
        assertEquals(200, r.status, r::toString);
        assertEquals(ids(expected), r.list().stream().map(DeliveryInSqlTest::id).toList(), path + when);
        for (Map<String, Object> row : r.list()) {
            assertEquals(oracle.delivery.get(id(row)).name(), row.get("delivery"), path + ": action " + row + when);
        }
    }

    /** A page's JSON array of objects. */
    private List<Map<String, Object>> rows(String body) {
        try {
            return jsonMapper.readValue(body, io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("not a JSON array: " + body, e);
        }
    }

    /** Every page in turn, then one past the end: the pages put together are the list, the header its length. */
    private void assertPages(String path, List<PlanAction> expected, int size, Oracle oracle, String when) {
        List<Long> seen = new ArrayList<>();
        String sep = path.contains("?") ? "&" : "?";
        for (int page = 0; page <= expected.size() / size; page++) {
            String paged = path + sep + "page=" + page + "&size=" + size;
            HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET(paged).bearerAuth(manager()), String.class);
            assertEquals(Integer.toString(expected.size()), r.header("X-Total-Count"), paged + when);
            List<Map<String, Object>> rows = rows(r.body());
            assertTrue(rows.size() <= size, paged);
            for (Map<String, Object> row : rows) {
                assertEquals(oracle.delivery.get(id(row)).name(), row.get("delivery"), paged + ": action " + row + when);
                seen.add(id(row));
            }
        }
        assertEquals(ids(expected), seen, path + " paged by " + size + when);
        String beyond = path + sep + "page=" + (expected.size() / size + 3) + "&size=" + size;
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET(beyond).bearerAuth(manager()), String.class);
        assertEquals(Integer.toString(expected.size()), r.header("X-Total-Count"), beyond + when);
        assertEquals(List.of(), rows(r.body()), beyond + when);
    }

    /** What the endpoints answered when they classified in Java: {@link Delivery#of} for each action. */
    private static final class Oracle {

        final LocalDate today;
        final List<PlanAction> all;
        final Map<Long, Delivery> delivery = new HashMap<>();

        Oracle(Instant now, Iterable<PlanAction> rows) {
            today = LocalDate.ofInstant(now, UK);
            List<PlanAction> list = new ArrayList<>();
            rows.forEach(list::add);
            list.sort(Comparator.comparing(PlanAction::dueDate).thenComparing(PlanAction::id));
            all = List.copyOf(list);
            for (PlanAction a : all) {
                Instant last = a.lastUpdateAt() != null ? a.lastUpdateAt() : a.createdAt();
                delivery.put(a.id(), Delivery.of(a.status(), a.dueDate(), last, today, now, DUE_SOON_DAYS, STALE_DAYS));
            }
        }

        List<PlanAction> select(String agency, Delivery wanted, Integer priority) {
            return all.stream()
                    .filter(a -> agency == null || a.leadAgency().equals(agency))
                    .filter(a -> priority == null || priority.equals(a.priority()))
                    .filter(a -> wanted == null || delivery.get(a.id()) == wanted)
                    .toList();
        }

        /** The roll-ups as JSON values: keys in text order, counts, the percentage to one place, the overdue items. */
        List<Map<String, Object>> rollups(String by) {
            Function<PlanAction, String> key = switch (by) {
                case "priority" -> a -> a.priority() == null ? "none" : a.priority().toString();
                case "plan" -> a -> Long.toString(a.planId());
                default -> PlanAction::leadAgency;
            };
            Map<String, List<PlanAction>> groups = new TreeMap<>();
            all.forEach(a -> groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
            LocalDate horizon = today.plusDays(30);
            List<Map<String, Object>> out = new ArrayList<>();
            groups.forEach((k, list) -> {
                Predicate<PlanAction> completed = a -> delivery.get(a.id()) == Delivery.COMPLETED;
                Predicate<PlanAction> overdue = a -> delivery.get(a.id()) == Delivery.OVERDUE;
                long done = list.stream().filter(completed).count();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", k);
                row.put("total", list.size());
                row.put("completed", (int) done);
                row.put("overdue", (int) list.stream().filter(overdue).count());
                row.put("atRisk", (int) list.stream().filter(a -> delivery.get(a.id()) == Delivery.AT_RISK).count());
                row.put("onTrack", (int) list.stream().filter(a -> delivery.get(a.id()) == Delivery.ON_TRACK).count());
                row.put("percentCompleted", BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(list.size()), 1, RoundingMode.HALF_UP));
                row.put("dueInNext30Days", (int) list.stream().filter(completed.negate().and(overdue.negate()))
                        .filter(a -> !a.dueDate().isAfter(horizon)).count());
                row.put("overdueActions", list.stream().filter(overdue).map(Oracle::item).toList());
                out.add(row);
            });
            return out;
        }

        List<Map<String, Object>> due(int days, String agency) {
            LocalDate horizon = today.plusDays(days);
            return all.stream()
                    .filter(a -> !a.status().isDone() && !a.dueDate().isAfter(horizon))
                    .filter(a -> agency == null || a.leadAgency().equals(agency))
                    .map(Oracle::item)
                    .toList();
        }

        private static Map<String, Object> item(PlanAction a) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", a.id());
            item.put("planId", a.planId());
            item.put("ref", a.ref());
            item.put("leadAgency", a.leadAgency());
            item.put("dueDate", a.dueDate().toString());
            return item;
        }
    }

    /** Numbers written as their plain decimal value (16.7, 50, 3), so that JSON read back and expectations compare. */
    private static Object normalised(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(DeliveryInSqlTest::normalised).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k.toString(), normalised(x)));
            return out;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return v;
    }

    private static List<Long> ids(List<PlanAction> list) {
        return list.stream().map(PlanAction::id).toList();
    }

    private static long id(Map<String, Object> row) {
        return ((Number) row.get("id")).longValue();
    }
}
