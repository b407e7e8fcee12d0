package uk.org.quadrant.gateway.isolation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.csrf.CsrfTokens;
import uk.org.quadrant.gateway.tokens.SessionIds;
import uk.org.quadrant.gateway.tokens.SigningKeyProvider;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 8, access control at the gateway: every route of the gateway's router, listed below with
 * its rule, tried with no session, an expired session, a session signed by another key and one of
 * another issuer (a browser page: redirect to /login; JSON: 401), as agency A (TVP) on agency B's
 * (CSC) area (404, exactly like an agency that does not exist), as the chair on every form post
 * (403), and as agency users on the board's and the manager's pages (403). Form posts carry a valid
 * CSRF pair, so a refusal is the access rule's, not the CSRF filter's; after each refused post the
 * gateway's database is unchanged. The services point at a dead port: pages degrade, statuses count.
 *
 * <p>Adding a route: add one line to {@link #TABLE} with its rule, or this test fails. {@code HEAD}
 * routes Micronaut adds for each {@code GET} are tried with the {@code GET} line's rule.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRouteMatrixTest {

    /** Stands for "a redirect to the sign-in page" among expected statuses. */
    static final int TO_LOGIN = -302;
    static final String CSRF = "isolation-matrix-csrf-token";

    /**
     * Who may use a route, as the expected status per caller; {@code null}: not a case for this rule.
     *
     * @param anonymous   no session, expired, foreign-key or other-issuer session
     * @param otherAgency TVP's contributor and lead on CSC's resource (and on a made-up one when {@code madeUpSame})
     * @param chair       the board chair
     * @param ownAgency   CSC's own contributor
     */
    record Rule(String name, Integer anonymous, Integer otherAgency, boolean madeUpSame, Integer chair, Integer ownAgency) {
    }

    static final Rule ANONYMOUS_PAGE = new Rule("anyone (sign-in, keys, health)", 200, null, false, null, null);
    static final Rule SIGNED_IN_PAGE = new Rule("any signed-in user", TO_LOGIN, null, false, null, null);
    static final Rule SIGNED_IN_JSON = new Rule("any signed-in user (JSON)", 401, null, false, null, null);
    static final Rule BOARD_PAGE = new Rule("board only", TO_LOGIN, 403, false, null, 403);
    static final Rule MANAGER_PAGE = new Rule("manager only", TO_LOGIN, 403, false, 403, 403);
    static final Rule MANAGER_FORM = new Rule("manager-only form", TO_LOGIN, 403, false, 403, 403);
    static final Rule AGENCY_PAGE = new Rule("own agency's area (404 for others)", TO_LOGIN, 404, true, null, null);
    static final Rule AGENCY_FORM = new Rule("own agency's form (404 for others, chair refused)", TO_LOGIN, 404, true, 403, null);
    /** Forms whose agency rule needs the record from its service (dead here): the chair is refused before any call. */
    static final Rule WRITER_FORM = new Rule("writers' form (chair refused)", TO_LOGIN, null, false, 403, null);

    /** One route: method and template as the router prints them, rule, path variables (B's real, made up). */
    record Route(String method, String template, Rule rule, Map<String, String> real, Map<String, String> madeUp,
                 Map<String, String> form) {
        String key() {
            return method + " " + template;
        }

        boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        Route real(String... kv) {
            return new Route(method, template, rule, merge(real, kv), madeUp, form);
        }

        Route madeUp(String... kv) {
            return new Route(method, template, rule, real, merge(madeUp, kv), form);
        }

        Route form(String... kv) {
            return new Route(method, template, rule, real, madeUp, merge(form, kv));
        }
    }

    private static final Map<String, String> REAL = Map.of("code", "CSC", "username", "csc.user", "selector", "liveness",
            "id", "1", "assessmentId", "1", "indicator", "MASH-TIMELINESS", "period", "2017April", "agency", "CSC");
    private static final Map<String, String> MADE_UP = Map.of("code", "NOPE", "username", "nobody.here", "selector", "liveness",
            "id", "999999", "assessmentId", "999999", "indicator", "MASH-TIMELINESS", "period", "2017April", "agency", "NOPE");

    private static Route route(String method, String template, Rule rule) {
        return new Route(method, template, rule, REAL, MADE_UP, Map.of());
    }

    /** Every route of the gateway: one line each. */
    static final List<Route> TABLE = List.of(
            route("GET", "/health", ANONYMOUS_PAGE),
            route("GET", "/health/{selector}", ANONYMOUS_PAGE),
            route("GET", "/prometheus", ANONYMOUS_PAGE),
            route("GET", "/.well-known/jwks.json", ANONYMOUS_PAGE),
            route("GET", "/login", ANONYMOUS_PAGE),
            // A wrong password re-renders the form with a 401 (no session is created).
            route("POST", "/login", new Rule("anyone (sign-in form)", 401, null, false, null, null))
                    .form("username", "nobody.form", "password", "wrong"),
            route("POST", "/api/v1/auth/token", new Rule("anyone (token API)", 401, null, false, null, null)),
            route("POST", "/logout", new Rule("anyone (sign-out)", 303, null, false, null, null)),
            route("GET", "/api/v1/me", SIGNED_IN_JSON),
            route("GET", "/", SIGNED_IN_PAGE),
            route("GET", "/board", BOARD_PAGE),
            route("GET", "/agency/{code}", AGENCY_PAGE),
            route("GET", "/indicators", SIGNED_IN_PAGE),
            route("GET", "/indicators/{code}", SIGNED_IN_PAGE).real("code", "MASH-TIMELINESS"),
            route("GET", "/indicators/{code}/series.csv", SIGNED_IN_PAGE).real("code", "MASH-TIMELINESS"),
            route("GET", "/admin", MANAGER_PAGE),
            route("GET", "/admin/changes", MANAGER_PAGE),
            route("GET", "/admin/users", MANAGER_PAGE),
            route("GET", "/admin/users/new", MANAGER_PAGE),
            route("POST", "/admin/users", MANAGER_FORM).form("username", "refused.user", "displayName", "Refused",
                    "agency", "TVP", "role", "BOARD_MANAGER", "password", "refused-password-123"),
            route("GET", "/admin/users/{username}", MANAGER_PAGE),
            route("POST", "/admin/users/{username}", MANAGER_FORM).form("displayName", "Refused", "agency", "TVP",
                    "role", "BOARD_MANAGER", "version", "0"),
            route("POST", "/admin/users/{username}/enabled", MANAGER_FORM).form("enabled", "false", "version", "0"),
            route("GET", "/admin/users/{username}/password", MANAGER_PAGE),
            route("POST", "/admin/users/{username}/password", MANAGER_FORM).form("password", "refused-password-123"),
            route("GET", "/admin/agencies", MANAGER_PAGE),
            route("POST", "/admin/agencies", MANAGER_FORM).form("code", "REFUSED", "name", "Refused"),
            route("GET", "/admin/agencies/{code}", MANAGER_PAGE),
            route("POST", "/admin/agencies/{code}", MANAGER_FORM).form("name", "Refused", "version", "0"),
            route("GET", "/admin/indicators", MANAGER_PAGE),
            route("GET", "/admin/indicators/new", MANAGER_PAGE),
            route("POST", "/admin/indicators", MANAGER_FORM).form("code", "REFUSED", "title", "Refused"),
            route("GET", "/admin/indicators/{code}", MANAGER_PAGE).real("code", "MASH-TIMELINESS"),
            route("POST", "/admin/indicators/{code}", MANAGER_FORM).real("code", "MASH-TIMELINESS").form("title", "Refused"),
            route("GET", "/admin/indicators/{code}/figures", MANAGER_PAGE).real("code", "MASH-TIMELINESS"),
            route("POST", "/admin/indicators/{code}/figures", MANAGER_FORM).real("code", "MASH-TIMELINESS")
                    .form("kind", "targets", "period", "2017April", "value", "1"),
            route("POST", "/admin/indicators/{code}/figures/remove", MANAGER_FORM).real("code", "MASH-TIMELINESS")
                    .form("kind", "targets", "period", "2017April"),
            route("GET", "/admin/themes", MANAGER_PAGE),
            route("POST", "/admin/themes", MANAGER_FORM).form("code", "REFUSED", "label", "Refused"),
            route("GET", "/admin/themes/{code}", MANAGER_PAGE).real("code", "NEGLECT"),
            route("POST", "/admin/themes/{code}", MANAGER_FORM).real("code", "NEGLECT").form("label", "Refused"),
            route("GET", "/agency/{code}/values/{indicator}/{period}", AGENCY_PAGE),
            route("POST", "/agency/{code}/values/{indicator}/{period}", AGENCY_FORM).form("value", "1", "action", "draft"),
            route("GET", "/board/submissions", MANAGER_PAGE),
            route("POST", "/board/submissions/{indicator}/{period}/{agency}/approve", MANAGER_FORM).form("version", "0"),
            route("POST", "/board/submissions/{indicator}/{period}/{agency}/return", MANAGER_FORM).form("version", "0", "reason", "x"),
            route("GET", "/plans", SIGNED_IN_PAGE),
            route("GET", "/plans/{id}", SIGNED_IN_PAGE),
            route("GET", "/actions/{id}", SIGNED_IN_PAGE),
            route("GET", "/actions/{id}/update", SIGNED_IN_PAGE),
            route("POST", "/actions/{id}/update", WRITER_FORM).form("narrative", "Refused", "version", "0"),
            route("GET", "/audits", SIGNED_IN_PAGE),
            route("GET", "/audits/{id}", SIGNED_IN_PAGE),
            route("GET", "/audits/{id}/cases/new", SIGNED_IN_PAGE),
            route("POST", "/audits/{id}/cases/new", WRITER_FORM).form("caseRef", "REF1", "grade", "GOOD"),
            route("GET", "/audits/{id}/findings/new", SIGNED_IN_PAGE),
            route("POST", "/audits/{id}/findings/new", WRITER_FORM).form("text", "Refused", "kind", "STRENGTH"),
            route("GET", "/self-assessment/{assessmentId}/standards/{code}", SIGNED_IN_PAGE).real("code", "S1"),
            route("POST", "/self-assessment/{assessmentId}/standards/{code}", WRITER_FORM).real("code", "S1")
                    .form("rag", "GREEN", "version", "0"),
            route("GET", "/themes", SIGNED_IN_PAGE),
            route("GET", "/themes/{code}", SIGNED_IN_PAGE).real("code", "NEGLECT"),
            route("GET", "/reports/learning-and-improvement", BOARD_PAGE),
            route("GET", "/reports/learning-and-improvement.pdf", BOARD_PAGE));

    static Map<String, String> merge(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    SigningKeyProvider keys;
    @Inject
    SessionIds sessionIds;
    @Inject
    CsrfTokens csrfTokens;
    @Inject
    DataSource dataSource;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private RSAKey foreignKey;

    @BeforeAll
    void keys() throws JOSEException {
        foreignKey = new RSAKeyGenerator(2048).keyID(keys.privateKey().getKeyID()).generate();
    }

    // ---- sessions --------------------------------------------------------------------------------

    private String session(String username, String agency, String role, RSAKey key, String issuer, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(username).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(10))).notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plus(ttl))).claim("name", username).claim("agency", agency)
                .claim("roles", List.of(role)).claim("sid", UUID.randomUUID().toString()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String valid(String username, String agency, String role) {
        return session(username, agency, role, keys.privateKey(), "quadrant-gateway", Duration.ofMinutes(15));
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    record Res(int status, String location, String contentType, String body) {
        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location) + " " + contentType + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private Res send(String method, String path, String session, Map<String, String> form) {
        try {
            boolean json = path.startsWith("/api/") || path.startsWith("/.well-known");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(20))
                    .header("Accept", json ? "application/json" : "text/html, */*;q=0.1");
            // Signed in: the session's own CSRF token (issue 14); otherwise the pre-session double-submit pair.
            String csrf = session == null ? CSRF : sessionIds.of(session).map(csrfTokens::forSession).orElse(CSRF);
            StringBuilder cookies = new StringBuilder("quadrant_csrf=" + CSRF);
            if (session != null) {
                cookies.append("; quadrant_session=").append(session);
            }
            b.header("Cookie", cookies.toString());
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
            if (method.equals("POST") && json) {
                b.header("Content-Type", "application/json");
                body = HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody.api\",\"password\":\"wrong\"}");
            } else if (method.equals("POST")) {
                Map<String, String> fields = new LinkedHashMap<>(form);
                fields.put("csrfToken", csrf);
                b.header("Content-Type", "application/x-www-form-urlencoded");
                body = HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
            }
            HttpResponse<String> r = client.send(b.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:?/]+)(:[^}]*)?}");

    static String expand(String template, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new AssertionError("no value for {" + m.group(1) + "} of " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void assertStatus(int expected, Res res, String what) {
        if (expected == TO_LOGIN) {
            assertTrue(res.status() == 302 || res.status() == 303, () -> what + ": expected a redirect to /login, got " + res);
            assertTrue(res.location() != null && res.location().startsWith("/login"), () -> what + ": redirected elsewhere: " + res);
        } else {
            assertEquals(expected, res.status(), () -> what + " -> " + res);
        }
    }

    // ---- database --------------------------------------------------------------------------------

    private String snapshot() {
        StringBuilder out = new StringBuilder();
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = SCHEMA() AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertFalse(tables.isEmpty(), "no tables for the snapshot");
            for (String table : tables) {
                if (table.toLowerCase().startsWith("flyway")) {
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
                out.append(table).append(": ").append(rows.size()).append(" rows, ")
                        .append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(String.join("\n", rows).getBytes(StandardCharsets.UTF_8)))).append('\n');
            }
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    // ---- the tests -------------------------------------------------------------------------------

    @Test
    void theTableListsEveryRouteOfTheRouterAndNoOther() {
        Set<String> routes = routerRoutes();
        Map<String, Long> listed = TABLE.stream().collect(Collectors.groupingBy(Route::key, TreeMap::new, Collectors.counting()));
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(listed.keySet());
        missing.removeIf(r -> r.startsWith("HEAD ") && listed.containsKey("GET " + r.substring(5)));
        Set<String> stale = new TreeSet<>(listed.keySet());
        stale.removeAll(routes);
        List<String> twice = listed.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty() || !stale.isEmpty() || !twice.isEmpty()) {
            fail("gateway routes the table does not list (add a line with its rule):\n  " + String.join("\n  ", missing)
                    + "\nlisted routes the router no longer has:\n  " + String.join("\n  ", stale)
                    + "\nlisted twice:\n  " + String.join("\n  ", twice));
        }
    }

    private Set<String> routerRoutes() {
        return router.uriRoutes().map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @TestFactory
    List<DynamicNode> everyRouteForEveryCaller() {
        Set<String> routes = routerRoutes();
        List<Route> all = new ArrayList<>();
        for (Route route : TABLE) {
            all.add(route);
            if (route.method().equals("GET") && routes.contains("HEAD " + route.template())) {
                all.add(new Route("HEAD", route.template(), route.rule(), route.real(), route.madeUp(), route.form()));
            }
        }
        List<DynamicNode> containers = new ArrayList<>();
        for (Route route : all) {
            Rule rule = route.rule();
            List<DynamicTest> cases = new ArrayList<>();
            cases.add(check(route, "no session", () -> null, route.real(), rule.anonymous()));
            // (Not on the sign-in routes: they take no session, and repeated failures there are throttled.)
            if (rule.anonymous() == TO_LOGIN || rule == SIGNED_IN_JSON) {
                cases.add(check(route, "expired session", () -> session("manager", "BOARD", "BOARD_MANAGER",
                        keys.privateKey(), "quadrant-gateway", Duration.ofMinutes(-5)), route.real(), rule.anonymous()));
                cases.add(check(route, "session signed by another key", () -> session("manager", "BOARD", "BOARD_MANAGER",
                        foreignKey, "quadrant-gateway", Duration.ofMinutes(15)), route.real(), rule.anonymous()));
                cases.add(check(route, "session of another issuer", () -> session("manager", "BOARD", "BOARD_MANAGER",
                        keys.privateKey(), "someone-else", Duration.ofMinutes(15)), route.real(), rule.anonymous()));
            }
            if (rule.otherAgency() != null) {
                for (String who : List.of("tvp.user", "tvp.lead")) {
                    String role = who.endsWith(".lead") ? "AGENCY_LEAD" : "AGENCY_CONTRIBUTOR";
                    cases.add(check(route, "A's " + who + " on B's", () -> valid(who, "TVP", role), route.real(), rule.otherAgency()));
                    if (rule.madeUpSame() && !route.real().equals(route.madeUp())) {
                        cases.add(check(route, "A's " + who + " on a made-up one (same as B's)", () -> valid(who, "TVP", role),
                                route.madeUp(), rule.otherAgency()));
                    }
                }
            }
            if (rule.chair() != null || route.isWrite() && rule.anonymous() == TO_LOGIN) {
                cases.add(check(route, "the chair", () -> valid("chair", "BOARD", "BOARD_CHAIR"), route.real(),
                        rule.chair() == null ? 403 : rule.chair()));
            }
            if (rule.ownAgency() != null) {
                cases.add(check(route, "B's own csc.user", () -> valid("csc.user", "CSC", "AGENCY_CONTRIBUTOR"), route.real(),
                        rule.ownAgency()));
            }
            containers.add(DynamicContainer.dynamicContainer(route.key() + " [" + rule.name() + "]", cases));
        }
        return containers;
    }

    private DynamicTest check(Route route, String who, Supplier<String> session, Map<String, String> vars, int expected) {
        String shown = expected == TO_LOGIN ? "redirect to /login" : String.valueOf(expected);
        return DynamicTest.dynamicTest(who + " -> " + shown, () -> {
            String path = expand(route.template(), vars);
            boolean guarded = route.isWrite() && route.rule() == MANAGER_FORM;
            String before = guarded ? snapshot() : null;
            Res res = send(route.method(), path, session.get(), route.form());
            assertStatus(expected, res, who + ": " + route.method() + " " + path);
            assertFalse(res.body().contains("Exception") || res.body().contains("\tat "), () -> "a stack trace: " + res);
            if (before != null) {
                assertEquals(before, snapshot(), () -> who + ": " + route.method() + " " + path + " refused but the database changed");
            }
        });
    }

    /** The API pass-through is a filter, not a route: bearer tokens only, like the services. */
    @TestFactory
    List<DynamicNode> apiPassThroughNeedsAValidBearerToken() {
        List<DynamicTest> cases = new ArrayList<>();
        String path = "/api/indicators/v1/indicators";
        Map<String, Supplier<String>> bad = new LinkedHashMap<>();
        bad.put("no token", () -> null);
        bad.put("expired token", () -> session("manager", "BOARD", "BOARD_MANAGER", keys.privateKey(), "quadrant-gateway",
                Duration.ofMinutes(-5)));
        bad.put("token signed by another key", () -> session("manager", "BOARD", "BOARD_MANAGER", foreignKey, "quadrant-gateway",
                Duration.ofMinutes(15)));
        bad.put("token of another issuer", () -> session("manager", "BOARD", "BOARD_MANAGER", keys.privateKey(), "someone-else",
                Duration.ofMinutes(15)));
        for (var e : bad.entrySet()) {
            cases.add(DynamicTest.dynamicTest(e.getKey() + " -> 401", () -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", "application/json");
                String token = e.getValue().get();
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, r.statusCode(), r::body);
            }));
        }
        return List.of(DynamicContainer.dynamicContainer("GET " + path + " (pass-through filter)", cases));
    }

    /** Spellings of another agency's area, the board's and the manager's pages do not slip past. */
    @TestFactory
    List<DynamicNode> pathVariantsDoNotSlipPast() {
        List<DynamicNode> nodes = new ArrayList<>();
        String tvp = valid("tvp.user", "TVP", "AGENCY_CONTRIBUTOR");
        for (String canonical : List.of("/agency/CSC", "/board", "/admin/users", "/admin/users/csc.user")) {
            Res reference = send("GET", canonical, tvp, Map.of());
            List<DynamicTest> cases = new ArrayList<>();
            for (var v : variants(canonical).entrySet()) {
                cases.add(DynamicTest.dynamicTest(v.getKey() + ": " + v.getValue(), () -> {
                    Res res = send("GET", v.getValue(), tvp, Map.of());
                    assertTrue(Set.of(400, 403, 404, 405).contains(res.status())
                                    || (res.status() == 301 || res.status() == 302 || res.status() == 303 || res.status() == 308)
                                    && !canonical.equals(res.location()) && res.location() != null && !res.location().startsWith(canonical),
                            () -> "TVP " + v.getValue() + " (canonical " + canonical + " -> " + reference.status() + ") -> " + res);
                    assertFalse(res.body().contains("Children's Social Care") || res.body().contains("Children&#39;s Social Care"),
                            () -> "CSC's area leaked through " + v.getValue() + ": " + res);
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer("TVP on " + canonical + " (canonical " + reference.status() + ")", cases));
        }
        return nodes;
    }

    static Map<String, String> variants(String path) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("trailing slash", path + "/");
        v.put("double leading slash", "/" + path);
        v.put("double inner slash", path.replaceFirst("/([^/]+)$", "//$1"));
        v.put("dot-dot detour", path.replaceFirst("/([^/]+)$", "/x/../$1"));
        v.put("dot segment", path.replaceFirst("/([^/]+)$", "/./$1"));
        v.put("encoded dot-dot detour", path.replaceFirst("/([^/]+)$", "/x/%2e%2e/$1"));
        v.put("encoded slash", path.replaceFirst("/([^/]+)$", "/%2F$1"));
        v.put("upper-case path", path.toUpperCase());
        v.put("lower-case path", path.toLowerCase());
        v.put("capitalised first segment", "/" + Character.toUpperCase(path.charAt(1)) + path.substring(2));
        v.put("semicolon parameter", path + ";x=1");
        return v;
    }
}
