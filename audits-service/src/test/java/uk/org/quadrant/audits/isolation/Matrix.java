package uk.org.quadrant.audits.isolation;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
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
 * <p>Requests go out through {@code java.net.http} so that paths reach the server byte for byte
 * (no client-side normalisation of {@code //}, {@code ..} or case).
 *
 * <p>This file is repeated in each service's test tree (docs/decisions.md: no shared library module).
 */
final class Matrix {

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
    record Rule(String name, int anonymous, Integer otherAgency, boolean madeUpSame, Integer chair,
                Integer ownContributor, Integer ownLead) {

        Rule otherAgency(int status, boolean madeUpSame) {
            return new Rule(name, anonymous, status, madeUpSame, chair, ownContributor, ownLead);
        }

        Rule named(String newName) {
            return new Rule(newName, anonymous, otherAgency, madeUpSame, chair, ownContributor, ownLead);
        }

        boolean isPublic() {
            return anonymous != 401;
        }
    }

    /** Health and the like: nothing but anonymous access is checked. */
    static final Rule PUBLIC = new Rule("public", 200, null, false, null, null, null);
    /** Definitions and board-wide reports any signed-in user reads (agency A sees B's definitions). */
    static final Rule SIGNED_IN = new Rule("any signed-in user", 401, 200, false, null, null, null);
    /** Agency-owned data: another agency's record is a 404, exactly like a record that does not exist. */
    static final Rule OWN_AGENCY_READ = new Rule("own agency's data (404 for others)", 401, 404, true, null, null, null);
    /** The board manager's administrative reads (change log). */
    static final Rule MANAGER_READ = new Rule("manager-only read", 401, 403, true, 403, 403, 403);
    /** A write by the agency whose data it is (its contributor or lead) or the manager. */
    static final Rule AGENCY_WRITE = new Rule("own agency's write", 401, 403, true, 403, null, null);
    /** Sign-off: the agency's lead or the manager. */
    static final Rule LEAD_WRITE = new Rule("lead-or-manager write", 401, 403, true, 403, 403, null);
    /** Definitions, approvals, plans: the board manager only. */
    static final Rule MANAGER_WRITE = new Rule("manager-only write", 401, 403, true, 403, 403, 403);
    /**
     * Operational endpoints other than health and metrics scraping (beans, routes, flyway, info,
     * metrics…): no user of the partnership has any business there.
     */
    static final Rule OPERATIONS = new Rule("operations only (no user)", 401, 403, false, 403, 403, 403);
    /** The chair's one write (Section 11 challenge): the board, never an agency. */
    static final Rule BOARD_WRITE = new Rule("board write (the chair's challenge)", 401, 403, true, null, 403, 403);

    // ---- the table -----------------------------------------------------------------------------

    /**
     * One route of the router: method and template exactly as the router prints them, its rule, the
     * path variables (and query string) for agency B's real resource and for a made-up one, and the
     * request body (built when sent; may be null).
     */
    record Route(String method, String template, Rule rule, Map<String, String> real, Map<String, String> madeUp,
                 String query, Supplier<Object> body, String contentType) {

        String key() {
            return method + " " + template;
        }

        String path(Map<String, String> vars) {
            return expand(template, vars) + (query == null || query.isEmpty() ? "" : "?" + query);
        }

        Route query(String q) {
            return new Route(method, template, rule, real, madeUp, q, body, contentType);
        }

        Route body(Supplier<Object> b) {
            return new Route(method, template, rule, real, madeUp, query, b, contentType);
        }

        Route raw(String type, String text) {
            return new Route(method, template, rule, real, madeUp, query, () -> text, type);
        }

        /** Overrides some of the real (B) path variables. */
        Route real(String... kv) {
            return new Route(method, template, rule, merge(real, kv), madeUp, query, body, contentType);
        }

        /** Overrides some of the made-up path variables. */
        Route madeUp(String... kv) {
            return new Route(method, template, rule, real, merge(madeUp, kv), query, body, contentType);
        }

        boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        @Override
        public String toString() {
            return key();
        }
    }

    static Map<String, String> merge(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:?/]+)(:[^}]*)?}");

    /** Fills {@code {name}} and {@code {name:regex}} from the map; fails on an unknown variable. */
    static String expand(String template, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new AssertionError("no value for {" + m.group(1) + "} of " + template + " in " + vars);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The routes of the router as "METHOD template". */
    static Set<String> routerRoutes(Router router) {
        return router.uriRoutes()
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Fails, listing both sides, when the table and the router disagree. */
    static void assertTableCoversRouter(Router router, List<Route> table) {
        Set<String> routes = routerRoutes(router);
        Map<String, Long> listed = table.stream().collect(Collectors.groupingBy(Route::key, TreeMap::new, Collectors.counting()));
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
    record Tokens(Supplier<String> expired, Supplier<String> foreignKey, Supplier<String> wrongIssuer,
                  Supplier<String> otherContributor, Supplier<String> otherLead, Supplier<String> chair,
                  Supplier<String> ownContributor, Supplier<String> ownLead) {
    }

    /** Builds the whole matrix: one container per route, one test per caller. */
    static List<DynamicNode> matrix(Router router, List<Route> table, Tokens tokens, Set<String> secrets, Http http, Db db) {
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
                                     int expected, Http http, Db db) {
        return check(route, who, token, vars, expected, Set.of(), http, db);
    }

    /** One request: the expected status, none of B's secrets in the answer, and for a write an unchanged database. */
    private static DynamicTest check(Route route, String who, Supplier<String> token, Map<String, String> vars,
                                     int expected, Set<String> secrets, Http http, Db db) {
        return DynamicTest.dynamicTest(who + " -> " + expected, () -> {
            String path = route.path(vars);
            String before = route.isWrite() ? db.snapshot() : null;
            Http.Res res = http.send(route.method(), path, token.get(), route.body().get(), route.contentType());
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
    static List<DynamicNode> operationalEndpointsNotServed(Http http, Supplier<String> managerToken) {
        List<DynamicTest> cases = new ArrayList<>();
        for (String path : List.of("/beans", "/routes", "/flyway", "/info", "/metrics", "/metrics/jvm.memory.used",
                "/loggers", "/threaddump", "/env", "/caches", "/stop", "/refresh", "/token_info")) {
            for (String method : path.equals("/refresh") || path.equals("/stop") ? List.of("POST") : List.of("GET")) {
                cases.add(DynamicTest.dynamicTest(method + " " + path + " (no token, manager)", () -> {
                    Http.Res anonymous = http.send(method, path, null, null, null);
                    assertTrue(Set.of(401, 404).contains(anonymous.status()), () -> "no token: " + path + " -> " + anonymous);
                    Http.Res manager = http.send(method, path, managerToken.get(), null, null);
                    assertEquals(404, manager.status(), () -> "manager: " + path + " -> " + manager);
                }));
            }
        }
        return List.of(DynamicContainer.dynamicContainer("operational endpoints other than health and prometheus", cases));
    }

    // ---- path variants ---------------------------------------------------------------------------

    /**
     * Spellings of one path that a lax router or filter could treat as the same resource: trailing
     * slash, doubled slashes, a {@code ..} detour, case changes, encoded characters.
     */
    static Map<String, String> variants(String path) {
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
    static List<DynamicNode> pathVariants(String name, String canonicalPath, Supplier<String> token, String secret,
                                          Http http) {
        List<DynamicTest> cases = new ArrayList<>();
        cases.add(DynamicTest.dynamicTest("canonical " + canonicalPath, () -> {
            Http.Res res = http.send("GET", canonicalPath, token.get(), null, null);
            assertTrue(Set.of(401, 403, 404).contains(res.status()), () -> canonicalPath + " -> " + res);
            assertFalse(res.body().contains(secret), () -> canonicalPath + " leaked " + secret + ": " + res);
        }));
        for (Map.Entry<String, String> variant : variants(canonicalPath).entrySet()) {
            cases.add(DynamicTest.dynamicTest(variant.getKey() + ": " + variant.getValue(), () -> {
                Http.Res res = http.send("GET", variant.getValue(), token.get(), null, null);
                assertFalse(res.body().contains(secret), () -> variant.getValue() + " leaked " + secret + ": " + res);
                assertTrue(Set.of(400, 401, 403, 404, 405).contains(res.status()),
                        () -> variant.getKey() + " " + variant.getValue() + " -> " + res);
            }));
        }
        return List.of(DynamicContainer.dynamicContainer(name, cases));
    }

    // ---- ownership-bearing body fields (issue 14) --------------------------------------------------

    /**
     * Body fields that name an owner or a parent record: an agency, a lead agency, the agencies taking
     * part, and any {@code …Id} (a parent named in the body rather than the path).
     */
    static boolean namesOwnerOrParent(String field) {
        return Set.of("agency", "leadAgency", "participatingAgencies", "agencies", "owner", "ownerAgency").contains(field)
                || (field.endsWith("Id") && field.length() > 2);
    }

    /**
     * For each write route of the router, the fields of its request body type (a record) that
     * {@link #namesOwnerOrParent name an owner or a parent}: read from the routes themselves, so a new
     * route or a new field is listed without anyone remembering to.
     */
    static Map<String, Set<String>> ownershipFields(Router router) {
        Map<String, Set<String>> out = new TreeMap<>();
        router.uriRoutes().forEach(r -> {
            String method = r.getHttpMethodName();
            if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
                return;
            }
            r.getRequestBodyType().map(io.micronaut.core.type.Argument::getType).filter(Class::isRecord).ifPresent(type -> {
                Set<String> fields = new TreeSet<>();
                for (var component : type.getRecordComponents()) {
                    if (namesOwnerOrParent(component.getName())) {
                        fields.add(component.getName());
                    }
                }
                if (!fields.isEmpty()) {
                    out.put(method + " " + r.getUriMatchTemplate().toString(), fields);
                }
            });
        });
        return out;
    }

    /**
     * One try of an ownership-bearing body field: {@code token}'s user sends {@code route} (its key,
     * "METHOD template") to {@code path}, a resource of its own or one it takes part in, with an
     * otherwise-valid body whose {@code field} holds another agency's or the board's {@code value}.
     * {@code expected} is the refusal's status; {@code namesField}: the problem+json names the field.
     * A 2xx {@code expected} is a control: the same body with the caller's own value is accepted, so
     * the refusals are about the field and not some other fault of the body.
     */
    record FieldCase(String route, String field, String value, String who, Supplier<String> token, String path,
                     Supplier<Object> body, int expected, boolean namesField) {

        boolean isControl() {
            return expected < 300;
        }

        String method() {
            return route.substring(0, route.indexOf(' '));
        }
    }

    /** Fails, listing them, when a write route's ownership-bearing field has no refused try or a route no control. */
    static void assertEveryOwnershipFieldVaried(Router router, List<FieldCase> cases) {
        List<String> missing = new ArrayList<>();
        ownershipFields(router).forEach((route, fields) -> {
            for (String field : fields) {
                if (cases.stream().noneMatch(c -> c.route().equals(route) && c.field().equals(field) && !c.isControl())) {
                    missing.add(route + " body field '" + field + "'");
                }
            }
            if (cases.stream().noneMatch(c -> c.route().equals(route) && c.isControl())) {
                missing.add(route + ": a control (the caller's own values, accepted)");
            }
        });
        if (!missing.isEmpty()) {
            fail("ownership-bearing body fields that the matrix does not vary (add a FieldCase with another agency's or the "
                    + "board's value):\n  " + String.join("\n  ", missing));
        }
    }

    /**
     * One container per route, one test per try: the refusal's status (and the field named), nothing
     * of the database changed; then the route's controls.
     */
    static List<DynamicNode> ownershipFieldCases(List<FieldCase> cases, Http http, Db db) {
        Map<String, List<FieldCase>> byRoute = new TreeMap<>();
        cases.forEach(c -> byRoute.computeIfAbsent(c.route(), k -> new ArrayList<>()).add(c));
        List<DynamicNode> containers = new ArrayList<>();
        byRoute.forEach((route, list) -> {
            List<DynamicTest> tests = new ArrayList<>();
            list.stream().sorted(java.util.Comparator.comparing(FieldCase::isControl)).forEach(c -> tests.add(DynamicTest.dynamicTest(
                    c.isControl() ? "control: " + c.who() + " with " + c.field() + "=" + c.value() + " -> " + c.expected()
                            : c.who() + " with " + c.field() + "=" + c.value() + " -> " + c.expected(), () -> {
                        Object body = c.body().get();   // first: building it may read (and a read of cases is logged)
                        String before = c.isControl() ? null : db.snapshot();
                        Http.Res res = http.send(c.method(), c.path(), c.token().get(), body, null);
                        assertEquals(c.expected(), res.status(), () -> c.who() + ": " + c.route() + " " + c.path() + " with "
                                + c.field() + "=" + c.value() + " -> " + res);
                        if (c.namesField()) {
                            assertTrue(res.contentType().startsWith("application/problem+json"), res::toString);
                            Object errors = http.map(res.body()).get("errors");
                            assertTrue(errors instanceof List<?> l && l.stream().anyMatch(e -> e instanceof Map<?, ?> m
                                    && String.valueOf(m.get("field")).matches(Pattern.quote(c.field()) + "(\\[\\d+])?")),
                                    () -> "the refusal should name " + c.field() + ": " + res);
                        }
                        if (before != null) {
                            assertEquals(before, db.snapshot(), () -> c.who() + ": " + c.route() + " with " + c.field() + "="
                                    + c.value() + " was refused (" + res.status() + ") but the database changed");
                        }
                    })));
            containers.add(DynamicContainer.dynamicContainer(route + " [ownership-bearing body fields]", tests));
        });
        return containers;
    }

    // ---- HTTP ----------------------------------------------------------------------------------

    /** A plain HTTP client that sends the path exactly as given and never follows redirects. */
    static final class Http {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;
        private final JsonMapper json;

        Http(String base, JsonMapper json) {
            this.base = base;
            this.json = json;
        }

        record Res(int status, String contentType, String body) {
            @Override
            public String toString() {
                return status + " " + contentType + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
            }
        }

        Res send(String method, String path, String token, Object body, String contentType) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                        .header("Accept", "application/json, application/problem+json, text/csv, */*;q=0.1");
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                HttpRequest.BodyPublisher publisher;
                if (body == null) {
                    boolean bodiless = Set.of("GET", "HEAD", "DELETE").contains(method);
                    publisher = bodiless ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
                    if (!bodiless) {
                        b.header("Content-Type", "application/json");
                    }
                } else if (body instanceof String text) {
                    publisher = HttpRequest.BodyPublishers.ofString(text);
                    b.header("Content-Type", contentType == null ? "application/json" : contentType);
                } else {
                    publisher = HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
                    b.header("Content-Type", "application/json");
                }
                HttpResponse<String> r = client.send(b.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
                return new Res(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Sends and insists on a 2xx; for seeding. */
        Map<String, Object> ok(String method, String path, String token, Object body) {
            Res res = send(method, path, token, body, null);
            if (res.status() < 200 || res.status() > 299) {
                throw new AssertionError("seeding: " + method + " " + path + " -> " + res);
            }
            return res.body().isBlank() || !res.body().trim().startsWith("{") ? Map.of() : map(res.body());
        }

        Map<String, Object> map(String body) {
            try {
                return json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    // ---- database ------------------------------------------------------------------------------

    /** A fingerprint of every table of the service's schema: row counts and a hash of all rows. */
    static final class Db {
        private final DataSource dataSource;
        private final Function<String, Boolean> ignored;

        Db(DataSource dataSource, Function<String, Boolean> ignored) {
            // The injected bean is Micronaut Data's connection-bound proxy; take the pool behind it.
            this.dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
            this.ignored = ignored;
        }

        String snapshot() {
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
                    List<String> rows = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
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
                    out.append(table).append(": ").append(rows.size()).append(" rows, ").append(sha256(String.join("\n", rows))).append('\n');
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out.toString();
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
