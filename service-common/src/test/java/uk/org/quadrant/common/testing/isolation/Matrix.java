package uk.org.quadrant.common.testing.isolation;

import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.json.JsonMapper;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import uk.org.quadrant.common.testing.support.PlainHttp;
import uk.org.quadrant.common.testing.support.TestTokens;
import uk.org.quadrant.common.testing.support.UriTemplates;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The isolation matrix engine (issue 8). A service's test declares one {@link Route} per route of its
 * router, each with an access {@link Rule} and how to fill its path with agency B's real resource and
 * with a made-up one; the engine turns the table into one dynamic test per route and caller, and
 * checks the table against {@link Router#uriRoutes()} so that no endpoint escapes it.
 *
 * <p>Issue 14: {@link #forgeries} sends each write route's body with one field that names an owner or
 * a parent forged ({@link Forgery}), and {@link #assertOwnerFieldsForged} fails when a write route's
 * body (or an uploaded file's columns) has such a field that no forgery varies.
 *
 * <p>Issue 18: {@link #serviceReader} tries the gateway's service identity on every route of the table: only the
 * reads its service lists answer it, every other route refuses it.
 *
 * <p>Requests go out through {@code java.net.http} so that paths reach the server byte for byte
 * (no client-side normalisation of {@code //}, {@code ..} or case).
 *
 * <p>One engine for every service (service-common's test-jar); each service's test declares its own table,
 * callers and forgeries.
 */
public final class Matrix {

    private Matrix() {
    }

    // ---- rules -------------------------------------------------------------------------------

    /**
     * Who may call a route, as the expected status per kind of caller; {@code null} means "not a
     * case for this rule" (for instance the chair's read of a board page).
     *
     * @param name            shown in the report
     * @param anonymous       status with no token, an expired one or one signed by another key
     * @param otherAgency     status for agency A's contributor and lead on agency B's resource
     * @param madeUpSame      the made-up id must answer with the same status as B's real one
     * @param chair           status for the chair (writes: 403 but for the documented chair write)
     * @param ownContributor  status for B's own contributor (lead-only and manager-only actions)
     * @param ownLead         status for B's own lead (manager-only actions)
     */
    public record Rule(String name, int anonymous, Integer otherAgency, boolean madeUpSame, Integer chair,
                Integer ownContributor, Integer ownLead) {

        public Rule otherAgency(int status, boolean madeUpSame) {
            return new Rule(name, anonymous, status, madeUpSame, chair, ownContributor, ownLead);
        }

        public Rule named(String newName) {
            return new Rule(newName, anonymous, otherAgency, madeUpSame, chair, ownContributor, ownLead);
        }

        public boolean isPublic() {
            return anonymous != 401;
        }
    }

    /** Health and the like: nothing but anonymous access is checked. */
    public static final Rule PUBLIC = new Rule("public", 200, null, false, null, null, null);
    /** Definitions and board-wide reports any signed-in user reads (agency A sees B's definitions). */
    public static final Rule SIGNED_IN = new Rule("any signed-in user", 401, 200, false, null, null, null);
    /** Agency-owned data: another agency's record is a 404, exactly like a record that does not exist. */
    public static final Rule OWN_AGENCY_READ = new Rule("own agency's data (404 for others)", 401, 404, true, null, null, null);
    /** The board manager's administrative reads (change log). */
    public static final Rule MANAGER_READ = new Rule("manager-only read", 401, 403, true, 403, 403, 403);
    /** A write by the agency whose data it is (its contributor or lead) or the manager. */
    public static final Rule AGENCY_WRITE = new Rule("own agency's write", 401, 403, true, 403, null, null);
    /** Sign-off: the agency's lead or the manager. */
    public static final Rule LEAD_WRITE = new Rule("lead-or-manager write", 401, 403, true, 403, 403, null);
    /** Definitions, approvals, plans: the board manager only. */
    public static final Rule MANAGER_WRITE = new Rule("manager-only write", 401, 403, true, 403, 403, 403);
    /**
     * Operational endpoints other than health and metrics scraping (beans, routes, flyway, info,
     * metrics…): no user of the partnership has any business there.
     */
    public static final Rule OPERATIONS = new Rule("operations only (no user)", 401, 403, false, 403, 403, 403);
    /** The chair's one write (Section 11 challenge): the board, never an agency. */
    public static final Rule BOARD_WRITE = new Rule("board write (the chair's challenge)", 401, 403, true, null, 403, 403);

    // ---- the table -----------------------------------------------------------------------------

    /**
     * One route of the router: method and template exactly as the router prints them, its rule, the
     * path variables (and query string) for agency B's real resource and for a made-up one, and the
     * request body (built when sent; may be null).
     */
    public record Route(String method, String template, Rule rule, Map<String, String> real, Map<String, String> madeUp,
                 String query, Supplier<Object> body, String contentType) {

        public String key() {
            return method + " " + template;
        }

        public String path(Map<String, String> vars) {
            return expand(template, vars) + (query == null || query.isEmpty() ? "" : "?" + query);
        }

        public Route query(String q) {
            return new Route(method, template, rule, real, madeUp, q, body, contentType);
        }

        public Route body(Supplier<Object> b) {
            return new Route(method, template, rule, real, madeUp, query, b, contentType);
        }

        public Route raw(String type, String text) {
            return new Route(method, template, rule, real, madeUp, query, () -> text, type);
        }

        /** Overrides some of the real (B) path variables. */
        public Route real(String... kv) {
            return new Route(method, template, rule, merge(real, kv), madeUp, query, body, contentType);
        }

        /** Overrides some of the made-up path variables. */
        public Route madeUp(String... kv) {
            return new Route(method, template, rule, real, merge(madeUp, kv), query, body, contentType);
        }

        public boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        @Override
        public String toString() {
            return key();
        }
    }

    public static Map<String, String> merge(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Fills {@code {name}} and {@code {name:regex}} from the map; fails on an unknown variable ({@link UriTemplates}). */
    public static String expand(String template, Map<String, String> vars) {
        return UriTemplates.expand(template, vars);
    }

    /** The routes of the router as "METHOD template". */
    public static Set<String> routerRoutes(Router router) {
        return router.uriRoutes()
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Fails, listing both sides, when the table and the router disagree. */
    public static void assertTableCoversRouter(Router router, List<Route> table) {
        assertRoutesListed(router, table.stream().map(Route::key).toList());
    }

    /**
     * Fails, listing both sides, when the routes a table lists ("METHOD template", once each) and the
     * router's disagree; a HEAD route is listed by its GET.
     */
    public static void assertRoutesListed(Router router, List<String> keys) {
        Set<String> routes = routerRoutes(router);
        Map<String, Long> listed = keys.stream().collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
        List<String> duplicates = listed.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(listed.keySet());
        // Micronaut answers HEAD for every GET route; the matrix tries HEAD with the GET line's rule.
        missing.removeIf(r -> r.startsWith("HEAD ") && listed.containsKey("GET " + r.substring(5)));
        Set<String> stale = new TreeSet<>(listed.keySet());
        stale.removeAll(routes);
        StringBuilder problems = new StringBuilder();
        if (!missing.isEmpty()) {
            problems.append("routes of the router the isolation table does not list (add a line with its access rule):\n  ")
                    .append(String.join("\n  ", missing)).append('\n');
        }
        if (!stale.isEmpty()) {
            problems.append("routes of the table the router no longer has:\n  ").append(String.join("\n  ", stale)).append('\n');
        }
        if (!duplicates.isEmpty()) {
            problems.append("routes listed twice:\n  ").append(String.join("\n  ", duplicates)).append('\n');
        }
        if (!problems.isEmpty()) {
            fail(problems.toString());
        }
    }

    // ---- callers -------------------------------------------------------------------------------

    /** The tokens the matrix needs; agency A's users act on agency B's resources. */
    public record Tokens(Supplier<String> expired, Supplier<String> foreignKey, Supplier<String> wrongIssuer,
                  Supplier<String> otherContributor, Supplier<String> otherLead, Supplier<String> chair,
                  Supplier<String> ownContributor, Supplier<String> ownLead) {
    }

    /** Builds the whole matrix: one container per route, one test per caller. */
    public static List<DynamicNode> matrix(Router router, List<Route> table, Tokens tokens, Set<String> secrets, PlainHttp http, Db db) {
        Set<String> routes = routerRoutes(router);
        List<Route> all = new ArrayList<>();
        for (Route route : table) {
            all.add(route);
            if (route.method().equals("GET") && routes.contains("HEAD " + route.template())) {
                all.add(new Route("HEAD", route.template(), route.rule(), route.real(), route.madeUp(), route.query(),
                        route.body(), route.contentType()));
            }
        }
        List<DynamicNode> containers = new ArrayList<>();
        for (Route route : all) {
            List<DynamicTest> cases = new ArrayList<>();
            Rule rule = route.rule();
            cases.add(check(route, "no token", () -> null, route.real(), rule.anonymous(), http, db));
            if (!rule.isPublic()) {
                cases.add(check(route, "expired token", tokens.expired(), route.real(), 401, http, db));
                cases.add(check(route, "token signed by another key", tokens.foreignKey(), route.real(), 401, http, db));
                cases.add(check(route, "token of another issuer", tokens.wrongIssuer(), route.real(), 401, http, db));
            }
            if (rule.otherAgency() != null) {
                for (var who : List.of(Map.entry("A's contributor", tokens.otherContributor()),
                        Map.entry("A's lead", tokens.otherLead()))) {
                    cases.add(check(route, who.getKey() + " on B's real resource", who.getValue(), route.real(),
                            rule.otherAgency(), secrets, http, db));
                    if (rule.madeUpSame() && !route.path(route.real()).equals(route.path(route.madeUp()))) {
                        cases.add(check(route, who.getKey() + " on a made-up id (same as B's real one)", who.getValue(),
                                route.madeUp(), rule.otherAgency(), secrets, http, db));
                    }
                }
            }
            if (rule.chair() != null && (route.isWrite() || rule.chair() != 200)) {
                cases.add(check(route, "the chair", tokens.chair(), route.real(), rule.chair(), http, db));
            }
            if (rule.ownContributor() != null) {
                cases.add(check(route, "B's own contributor", tokens.ownContributor(), route.real(), rule.ownContributor(), http, db));
            }
            if (rule.ownLead() != null) {
                cases.add(check(route, "B's own lead", tokens.ownLead(), route.real(), rule.ownLead(), http, db));
            }
            containers.add(DynamicContainer.dynamicContainer(route.key() + " [" + rule.name() + "]", cases));
        }
        return containers;
    }

    private static DynamicTest check(Route route, String who, Supplier<String> token, Map<String, String> vars,
                                     int expected, PlainHttp http, Db db) {
        return check(route, who, token, vars, expected, Set.of(), http, db);
    }

    /** One request: the expected status, none of B's secrets in the answer, and for a write an unchanged database. */
    private static DynamicTest check(Route route, String who, Supplier<String> token, Map<String, String> vars,
                                     int expected, Set<String> secrets, PlainHttp http, Db db) {
        return DynamicTest.dynamicTest(who + " -> " + expected, () -> {
            String path = route.path(vars);
            String before = route.isWrite() ? db.snapshot() : null;
            PlainHttp.Res res = http.send(route.method(), path, token.get(), route.body().get(), route.contentType());
            assertEquals(expected, res.status(), () -> who + ": " + route.method() + " " + path + " -> " + res);
            for (String secret : secrets) {
                assertFalse(res.body().contains(secret), () -> who + ": " + route.method() + " " + path
                        + " shows agency B's unreleased " + secret + ": " + res);
            }
            if (before != null) {
                assertEquals(before, db.snapshot(), () -> who + ": " + route.method() + " " + path
                        + " was refused (" + res.status() + ") but the database changed");
            }
        });
    }

    /**
     * The management endpoints beyond health and prometheus are not served at all (they once were:
     * beans, routes, flyway, info, threaddump, refresh to any signed-in user, /metrics to anyone).
     */
    public static List<DynamicNode> operationalEndpointsNotServed(PlainHttp http, Supplier<String> managerToken) {
        List<DynamicTest> cases = new ArrayList<>();
        for (String path : List.of("/beans", "/routes", "/flyway", "/info", "/metrics", "/metrics/jvm.memory.used",
                "/loggers", "/threaddump", "/env", "/caches", "/stop", "/refresh", "/token_info")) {
            for (String method : path.equals("/refresh") || path.equals("/stop") ? List.of("POST") : List.of("GET")) {
                cases.add(DynamicTest.dynamicTest(method + " " + path + " (no token, manager)", () -> {
                    PlainHttp.Res anonymous = http.send(method, path, null, null, null);
                    assertTrue(Set.of(401, 404).contains(anonymous.status()), () -> "no token: " + path + " -> " + anonymous);
                    PlainHttp.Res manager = http.send(method, path, managerToken.get(), null, null);
                    assertEquals(404, manager.status(), () -> "manager: " + path + " -> " + manager);
                }));
            }
        }
        return List.of(DynamicContainer.dynamicContainer("operational endpoints other than health and prometheus", cases));
    }

    // ---- the gateway's service identity (issue 18) ---------------------------------------------------

    /**
     * A read the service lists for the gateway's service identity ({@code quadrant.service-reader.reads}):
     * the route as the router prints it ("GET template"), the path it is tried on (null: the table line's, for
     * B's real resource), and texts the answer must contain (every agency's rows, a draft's status...).
     */
    public record ServiceRead(String route, String path, List<String> shows) {

        public static ServiceRead of(String route, String path, String... shows) {
            return new ServiceRead(route, path, List.of(shows));
        }
    }

    /**
     * The gateway's service identity on every route of the table (and the HEAD beside each GET), as three
     * callers: the token as the gateway mints it (SERVICE_READER, {@code svc}); SERVICE_READER beside
     * BOARD_MANAGER without {@code svc}; {@code svc} beside BOARD_MANAGER, AGENCY_LEAD and an agency without
     * SERVICE_READER. On each listed read: 200, showing each of the read's texts. On every other route, and
     * every method but GET: 403 as problem+json, and for a write the database unchanged. The minted token
     * signed by another key: 401 (on every route but the public ones). The reads tried must be exactly the
     * reads configured ({@code configured}), each a GET route of the router.
     */
    public static List<DynamicNode> serviceReader(Router router, List<Route> table, Set<String> configured, List<ServiceRead> reads,
                                                  TestTokens tokens, PlainHttp http, Db db) {
        Set<String> routes = routerRoutes(router);
        Set<String> tried = reads.stream().map(ServiceRead::route).collect(Collectors.toCollection(TreeSet::new));
        List<DynamicTest> listing = new ArrayList<>();
        listing.add(DynamicTest.dynamicTest("the reads tried are the reads configured, each a GET route of the router", () -> {
            assertEquals(new TreeSet<>(configured), tried, "quadrant.service-reader.reads and the reads this test tries");
            for (String read : configured) {
                assertTrue(read.startsWith("GET ") && routes.contains(read), () -> read + " is not a GET route of the router");
            }
        }));
        List<DynamicNode> containers = new ArrayList<>();
        containers.add(DynamicContainer.dynamicContainer("the service identity's reads", listing));
        Map<String, Supplier<String>> callers = new LinkedHashMap<>();
        callers.put("the service token (SERVICE_READER, svc)", tokens::serviceReader);
        callers.put("SERVICE_READER beside BOARD_MANAGER, no svc", () -> tokens.service(false, null, "SERVICE_READER", "BOARD_MANAGER"));
        callers.put("svc beside BOARD_MANAGER and CSC's AGENCY_LEAD, no SERVICE_READER",
                () -> tokens.service(true, "CSC", "BOARD_MANAGER", "AGENCY_LEAD"));
        List<Route> all = new ArrayList<>();
        for (Route route : table) {
            all.add(route);
            if (route.method().equals("GET") && routes.contains("HEAD " + route.template())) {
                all.add(new Route("HEAD", route.template(), route.rule(), route.real(), route.madeUp(), route.query(),
                        route.body(), route.contentType()));
            }
        }
        for (Route route : all) {
            List<DynamicTest> cases = new ArrayList<>();
            List<ServiceRead> allowed = reads.stream().filter(r -> r.route().equals(route.key())).toList();
            for (var caller : callers.entrySet()) {
                if (!allowed.isEmpty()) {
                    for (ServiceRead read : allowed) {
                        String path = read.path() != null ? read.path() : route.path(route.real());
                        cases.add(DynamicTest.dynamicTest(caller.getKey() + ": GET " + path + " -> 200", () -> {
                            PlainHttp.Res res = http.send("GET", path, caller.getValue().get(), null, null);
                            assertEquals(200, res.status(), () -> caller.getKey() + ": GET " + path + " -> " + res);
                            for (String text : read.shows()) {
                                assertTrue(res.body().contains(text), () -> caller.getKey() + ": GET " + path
                                        + " does not show " + text + ": " + res);
                            }
                        }));
                    }
                    continue;
                }
                cases.add(DynamicTest.dynamicTest(caller.getKey() + " -> 403", () -> {
                    String path = route.path(route.real());
                    String before = route.isWrite() ? db.snapshot() : null;
                    PlainHttp.Res res = http.send(route.method(), path, caller.getValue().get(), route.body().get(), route.contentType());
                    assertEquals(403, res.status(), () -> caller.getKey() + ": " + route.method() + " " + path + " -> " + res);
                    if (!route.method().equals("HEAD")) {
                        assertTrue(res.contentType().startsWith("application/problem+json"), () -> caller.getKey() + ": " + res);
                    }
                    if (before != null) {
                        assertEquals(before, db.snapshot(), () -> caller.getKey() + ": " + route.method() + " " + path
                                + " was refused but the database changed");
                    }
                }));
            }
            if (!route.rule().isPublic()) {
                cases.add(check(route, "the service token signed by another key", tokens::serviceSignedByForeignKey, route.real(),
                        401, http, db));
            }
            containers.add(DynamicContainer.dynamicContainer(route.key() + " [the gateway's service identity: "
                    + (allowed.isEmpty() ? "refused" : "a listed read") + "]", cases));
        }
        return containers;
    }

    // ---- forged body fields (issue 14) -------------------------------------------------------------

    /**
     * Who sends a forged body: agency A's contributor or lead (their tokens from the matrix's
     * {@link Tokens}), or any caller the service's test names ({@link #as}).
     */
    public record Sender(String who, Function<Tokens, Supplier<String>> token) {

        public static final Sender CONTRIBUTOR = new Sender("A's contributor", Tokens::otherContributor);
        public static final Sender LEAD = new Sender("A's lead", Tokens::otherLead);

        public static Sender as(String who, Supplier<String> token) {
            return new Sender(who, tokens -> token);
        }
    }

    /** The expected answer of a forgery whose exact status is not the point: a 4xx other than 401, as problem+json. */
    public static final int REFUSED = 0;

    /**
     * One forged body (issue 14): an otherwise-valid body of a write route in which one field that
     * names an owner or a parent (an agency, an indicator, a plan's source, a column of an imported
     * file's rows) names someone else's, sent by each of its senders on a path of their own or of B's.
     * The answer must have the expected status ({@link #REFUSED}: any refusal), contain each of
     * {@code mentions}, and, if {@code namesField}, name the field in its problem+json errors; a refusal
     * must leave every table as it was. A {@code control} is the same body with the field set to the
     * caller's own and is expected to succeed, so that a refusal is the forged field's and nothing
     * else's; it may write, but never one of B's rows. A forgery whose body equals its {@code unforged}
     * body (the caller's own value already) is not sent.
     *
     * @param route   "METHOD template" exactly as the router prints it
     * @param field   the body field (or file column) forged, as the body names it
     * @param what    what it is set to, for the report
     * @param path    the path, when given whole; otherwise the template filled from {@code vars} and {@code query}
     */
    public record Forgery(String route, String field, String what, List<Sender> senders, Map<String, String> vars, String query,
                          String path, Supplier<Object> body, Supplier<Object> unforged, String contentType, int expected,
                          List<String> mentions, boolean namesField, boolean control) {

        public String method() {
            return route.substring(0, route.indexOf(' '));
        }

        public String template() {
            return route.substring(route.indexOf(' ') + 1);
        }

        public String path() {
            return path != null ? path : expand(template(), vars) + (query == null ? "" : "?" + query);
        }

        public Forgery at(String... kv) {
            return new Forgery(route, field, what, senders, merge(vars, kv), query, path, body, unforged, contentType, expected,
                    mentions, namesField, control);
        }

        public Forgery query(String q) {
            return new Forgery(route, field, what, senders, vars, q, path, body, unforged, contentType, expected, mentions,
                    namesField, control);
        }

        /** The whole path (a resource found at run time), instead of the template's variables. */
        public Forgery to(String wholePath) {
            return new Forgery(route, field, what, senders, vars, query, wholePath, body, unforged, contentType, expected,
                    mentions, namesField, control);
        }

        public Forgery json(Supplier<Object> b) {
            return new Forgery(route, field, what, senders, vars, query, path, b, unforged, null, expected, mentions,
                    namesField, control);
        }

        public Forgery raw(String type, String text) {
            return new Forgery(route, field, what, senders, vars, query, path, () -> text, unforged, type, expected, mentions,
                    namesField, control);
        }

        /** Not sent when the forged body equals this one (the field already held the caller's own value). */
        public Forgery unlessEqualTo(Supplier<Object> ownBody) {
            return new Forgery(route, field, what, senders, vars, query, path, body, ownBody, contentType, expected, mentions,
                    namesField, control);
        }

        /** The expected refusal ({@link #REFUSED}: any), and texts the answer must contain (the field or column it names). */
        public Forgery refused(int status, String... mustMention) {
            return new Forgery(route, field, what, senders, vars, query, path, body, unforged, contentType, status,
                    List.of(mustMention), namesField, false);
        }

        /** The refusal's problem+json names {@code field} (or an element of it) among its errors. */
        public Forgery namingTheField() {
            return new Forgery(route, field, what, senders, vars, query, path, body, unforged, contentType, expected, mentions,
                    true, control);
        }

        /** Not a forgery: the same body with the caller's own in the field, which must be accepted (and say so). */
        public Forgery control(int status, String... mustMention) {
            return new Forgery(route, field, what, senders, vars, query, path, body, unforged, contentType, status,
                    List.of(mustMention), namesField, true);
        }

        public Forgery by(Sender... who) {
            return new Forgery(route, field, what, List.of(who), vars, query, path, body, unforged, contentType, expected,
                    mentions, namesField, control);
        }
    }

    /** A forged {@code field} of {@code route}: by A's contributor and lead, refused with 403 unless told otherwise. */
    public static Forgery forge(String route, String field, String what) {
        return new Forgery(route, field, what, List.of(Sender.CONTRIBUTOR, Sender.LEAD), Map.of(), null, null, () -> null, null,
                null, 403, List.of(), false, false);
    }

    /** A value as a report shows it: quoted, with anything but printable ASCII as a \\u escape. */
    public static String visible(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return b.append('"').toString();
    }

    private static final Pattern OWNERISH = Pattern.compile("agenc|owner|lead|particip|parent|source|plan|audit|finding|indicator");

    /**
     * Whether a body property names an owner or a parent record: agencies, owners, leads and
     * participants, parents, sources and plans, and ids, references and codes of other records. A
     * service whose bodies need a narrower test passes its own to {@link #assertOwnerFieldsForged}.
     */
    public static boolean namesOwnerOrParent(String property) {
        String p = property.toLowerCase(Locale.ROOT);
        return Set.of("id", "ids", "code", "codes", "ref", "refs").contains(p)
                || property.matches(".*[a-z0-9](Id|Ids|Ref|Refs|Code|Codes)") || OWNERISH.matcher(p).find();
    }

    /** {@link #assertOwnerFieldsForged(Router, List, Map, Predicate, boolean)} with {@link #namesOwnerOrParent} and no control required. */
    public static void assertOwnerFieldsForged(Router router, List<Forgery> forgeries, Map<String, List<String>> fileColumns) {
        assertOwnerFieldsForged(router, forgeries, fileColumns, Matrix::namesOwnerOrParent, false);
    }

    /**
     * Every write route of the router that takes a body: each of its body's properties that names an
     * owner or a parent ({@code namesOwnerOrParent}; for a file upload, each owner column declared in
     * {@code fileColumns}) is forged by at least one line of {@code forgeries}, and, with
     * {@code controlPerRoute}, the route has a control; every forgery is of a route the router has. A new
     * write route or a new ownership field fails here until it is forged.
     */
    public static void assertOwnerFieldsForged(Router router, List<Forgery> forgeries, Map<String, List<String>> fileColumns,
                                               Predicate<String> namesOwnerOrParent, boolean controlPerRoute) {
        Set<String> routes = routerRoutes(router);
        StringBuilder problems = new StringBuilder();
        forgeries.stream().map(Forgery::route).filter(r -> !routes.contains(r)).distinct()
                .forEach(r -> problems.append("forged route the router does not have: ").append(r).append('\n'));
        Map<String, Set<String>> forged = forgeries.stream().filter(f -> !f.control())
                .collect(Collectors.groupingBy(Forgery::route, TreeMap::new, Collectors.mapping(Forgery::field, Collectors.toSet())));
        Set<String> controlled = forgeries.stream().filter(Forgery::control).map(Forgery::route).collect(Collectors.toSet());
        router.uriRoutes().forEach(r -> {
            String key = r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString();
            if (Set.of("GET", "HEAD", "OPTIONS").contains(r.getHttpMethodName())) {
                return;
            }
            var body = r.getBodyArgument();
            if (body.isEmpty()) {
                return;
            }
            Class<?> type = body.get().getType();
            List<String> owners;
            if (type == String.class || type == byte[].class) {
                owners = fileColumns.get(key);
                if (owners == null) {
                    problems.append(key).append(" takes a file: declare the columns of its rows that name an owner or a parent\n");
                    return;
                }
            } else if (type.isRecord()) {
                owners = Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                        .filter(namesOwnerOrParent).toList();
            } else {
                var introspection = BeanIntrospector.SHARED.findIntrospection(type);
                if (introspection.isEmpty()) {
                    problems.append(key).append(": cannot see the fields of its body ").append(type.getName()).append('\n');
                    return;
                }
                owners = Arrays.stream(introspection.get().getPropertyNames()).filter(namesOwnerOrParent).toList();
            }
            Set<String> done = forged.getOrDefault(key, Set.of());
            for (String owner : owners) {
                if (!done.contains(owner)) {
                    problems.append(key).append(": body field '").append(owner)
                            .append("' names an owner or a parent and no forgery varies it\n");
                }
            }
            if (controlPerRoute && !owners.isEmpty() && !controlled.contains(key)) {
                problems.append(key).append(": no control (the caller's own values, accepted)\n");
            }
        });
        if (!problems.isEmpty()) {
            fail(problems.toString());
        }
    }

    /**
     * The forged bodies, one container per route (in the order first listed) and one test per forgery
     * and sender. {@code othersRows} are queries selecting agency B's rows: a control may write, but none
     * of them may change. {@code tokens} may be null when every sender is named ({@link Sender#as}).
     */
    public static List<DynamicNode> forgeries(List<Forgery> forgeries, Tokens tokens, Set<String> secrets, List<String> othersRows,
                                              PlainHttp http, Db db) {
        Map<String, List<DynamicTest>> byRoute = new LinkedHashMap<>();
        for (Forgery f : forgeries) {
            for (Sender sender : f.senders()) {
                Supplier<String> token = sender.token().apply(tokens);
                String name = (f.control() ? "control, " : "") + sender.who() + ": " + f.field() + " = " + f.what() + " -> "
                        + (f.expected() == REFUSED ? "refused" : String.valueOf(f.expected()));
                byRoute.computeIfAbsent(f.route(), k -> new ArrayList<>()).add(DynamicTest.dynamicTest(name, () -> {
                    String path = f.path();
                    Object body = f.body().get();   // first: building it may read (and a read may be logged)
                    if (f.unforged() != null && body.equals(f.unforged().get())) {
                        return; // the caller's own value already: nothing forged
                    }
                    String before = f.control() ? null : db.snapshot();
                    // A refusal leaves every table as it was; a control may write, but none of B's rows.
                    String others = f.control() ? db.rows(othersRows) : null;
                    PlainHttp.Res res = http.send(f.method(), path, token.get(), body, f.contentType());
                    if (f.expected() == REFUSED) {
                        assertTrue(res.status() >= 400 && res.status() < 500 && res.status() != 401,
                                () -> name + ": " + f.method() + " " + path + " " + body + " -> " + res);
                        assertTrue(res.contentType().startsWith("application/problem+json"), () -> name + ": " + res);
                    } else {
                        assertEquals(f.expected(), res.status(), () -> name + ": " + f.method() + " " + path + " -> " + res);
                    }
                    for (String mention : f.mentions()) {
                        assertTrue(res.body().contains(mention), () -> name + ": the answer does not mention " + mention + ": " + res);
                    }
                    if (f.namesField()) {
                        assertTrue(res.contentType().startsWith("application/problem+json"), res::toString);
                        Object errors = http.map(res.body()).get("errors");
                        assertTrue(errors instanceof List<?> l && l.stream().anyMatch(e -> e instanceof Map<?, ?> m
                                        && String.valueOf(m.get("field")).matches(Pattern.quote(f.field()) + "(\\[\\d+])?")),
                                () -> name + ": the refusal should name " + f.field() + ": " + res);
                    }
                    for (String secret : secrets) {
                        assertFalse(res.body().contains(secret), () -> name + " shows agency B's unreleased " + secret + ": " + res);
                    }
                    if (before != null) {
                        assertEquals(before, db.snapshot(), () -> name + ": " + f.method() + " " + path + " was refused ("
                                + res.status() + ") but the database changed");
                    }
                    if (others != null) {
                        assertEquals(others, db.rows(othersRows), () -> name + ": " + f.method() + " " + path
                                + " changed agency B's rows");
                    }
                }));
            }
        }
        List<DynamicNode> containers = new ArrayList<>();
        byRoute.forEach((route, cases) -> containers.add(DynamicContainer.dynamicContainer(route + " [forged body fields]", cases)));
        return containers;
    }

    // ---- path variants ---------------------------------------------------------------------------

    /**
     * Spellings of one path that a lax router or filter could treat as the same resource: trailing
     * slash, doubled slashes, a {@code ..} detour, case changes, encoded characters.
     */
    public static Map<String, String> variants(String path) {
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q);
            path = path.substring(0, q);
        }
        String[] segments = path.substring(1).split("/");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("trailing slash", path + "/" + query);
        v.put("double leading slash", "/" + path + query);
        v.put("double inner slash", path.replaceFirst("/v1/", "/v1//") + query);
        v.put("dot-dot detour", path.replaceFirst("/v1/", "/v1/x/../") + query);
        v.put("dot segment", path.replaceFirst("/v1/", "/v1/./") + query);
        v.put("encoded dot-dot detour", path.replaceFirst("/v1/", "/v1/x/%2e%2e/") + query);
        v.put("encoded slash", path.replaceFirst("/v1/", "/v1%2F") + query);
        v.put("upper-case path", path.toUpperCase() + query);
        v.put("upper-case API prefix", path.replaceFirst("/api/v1/", "/API/V1/") + query);
        v.put("capitalised resource", "/" + String.join("/", capitaliseThird(segments)) + query);
        v.put("lower-case path", path.toLowerCase() + query);
        v.put("encoded last segment", path.substring(0, path.lastIndexOf('/') + 1)
                + percentEncodeAll(path.substring(path.lastIndexOf('/') + 1)) + query);
        v.put("semicolon parameter", path + ";x=1" + query);
        return v;
    }

    private static String[] capitaliseThird(String[] segments) {
        String[] s = segments.clone();
        if (s.length > 2 && !s[2].isEmpty()) {
            s[2] = Character.toUpperCase(s[2].charAt(0)) + s[2].substring(1);
        }
        return s;
    }

    private static String percentEncodeAll(String segment) {
        StringBuilder b = new StringBuilder();
        for (byte c : segment.getBytes(StandardCharsets.UTF_8)) {
            b.append('%').append(String.format("%02X", c));
        }
        return b.toString();
    }

    /**
     * For each variant of a protected path, as agency A's user: never a 200 carrying B's secret, never
     * a 5xx; a refusal (or a not-found) like the canonical path's.
     */
    public static List<DynamicNode> pathVariants(String name, String canonicalPath, Supplier<String> token, String secret,
                                          PlainHttp http) {
        List<DynamicTest> cases = new ArrayList<>();
        cases.add(DynamicTest.dynamicTest("canonical " + canonicalPath, () -> {
            PlainHttp.Res res = http.send("GET", canonicalPath, token.get(), null, null);
            assertTrue(Set.of(401, 403, 404).contains(res.status()), () -> canonicalPath + " -> " + res);
            assertFalse(res.body().contains(secret), () -> canonicalPath + " leaked " + secret + ": " + res);
        }));
        for (Map.Entry<String, String> variant : variants(canonicalPath).entrySet()) {
            cases.add(DynamicTest.dynamicTest(variant.getKey() + ": " + variant.getValue(), () -> {
                PlainHttp.Res res = http.send("GET", variant.getValue(), token.get(), null, null);
                assertFalse(res.body().contains(secret), () -> variant.getValue() + " leaked " + secret + ": " + res);
                assertTrue(Set.of(400, 401, 403, 404, 405).contains(res.status()),
                        () -> variant.getKey() + " " + variant.getValue() + " -> " + res);
            }));
        }
        return List.of(DynamicContainer.dynamicContainer(name, cases));
    }

    // ---- HTTP ----------------------------------------------------------------------------------

    /** The matrix's HTTP client: twenty seconds a request. */
    public static PlainHttp http(String base, JsonMapper json) {
        return new PlainHttp(base, json, Duration.ofSeconds(20));
    }

    // ---- database ------------------------------------------------------------------------------

    /** A fingerprint of every table of the service's schema: row counts and a hash of all rows. */
    public static final class Db {
        private final DataSource dataSource;
        private final Function<String, Boolean> ignored;

        public Db(DataSource dataSource, Function<String, Boolean> ignored) {
            // The injected bean is Micronaut Data's connection-bound proxy; take the pool behind it.
            this.dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
            this.ignored = ignored;
        }

        public String snapshot() {
            StringBuilder out = new StringBuilder();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = SCHEMA() AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                assertFalse(tables.isEmpty(), "no tables found for the snapshot");
                for (String table : tables) {
                    if (table.toLowerCase().startsWith("flyway") || ignored.apply(table.toLowerCase())) {
                        continue;
                    }
                    out.append(table).append(": ").append(fingerprint(s, "SELECT * FROM " + table)).append('\n');
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out.toString();
        }

        /** A fingerprint of the rows these queries select. */
        public String rows(List<String> queries) {
            StringBuilder out = new StringBuilder();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String query : queries) {
                    out.append(query).append(": ").append(fingerprint(s, query)).append('\n');
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out.toString();
        }

        /** "N rows, <sha-256 of the sorted rows>": equal exactly when the query selects the same rows. */
        private static String fingerprint(Statement s, String query) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(query)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(rs.getString(i)).append('\u0001');
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            return rows.size() + " rows, " + sha256(String.join("\n", rows));
        }

        private static String sha256(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
