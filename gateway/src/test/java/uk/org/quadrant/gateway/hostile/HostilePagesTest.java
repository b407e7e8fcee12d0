package uk.org.quadrant.gateway.hostile;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.RawHttp;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Answer;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Request;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, hostile input at the gateway: the services' answers carry script and HTML in every text
 * field they send (indicator titles and comments, audit titles, finding texts, theme labels, action
 * texts, progress narratives, agency names, role names…), and every page that shows them, the charts'
 * SVG {@code <title>}/{@code <text>} and the attributes included, shows them escaped; the PDF report
 * still renders.
 *
 * <p>The stand-ins answer what the page tests' stand-ins answer (harvested from those tests, so the
 * shapes stay the services' real ones), with the payload put in front of each text value. Where two
 * page tests answer the same route, the first harvested wins: the audits and themes pages' own
 * answers for {@code /api/v1/audits} and {@code /api/v1/themes/analysis} come before the board's.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePagesTest implements TestPropertyProvider {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String BREAKOUT = "\"><img src=x onerror=alert(1)>";
    static final String SVG = "</title></text><svg onload=alert(1)>";
    static final String PAYLOAD = SCRIPT + BREAKOUT + SVG + "'-alert(1)-'";

    /** JSON keys whose string values are free text somebody typed. */
    static final Pattern TEXT = Pattern.compile("\"(title|text|comment|label|narrative|issue|action|difference|summary|description"
            + "|name|leadRole|owner|auditTitle|outcome|measure|reason|evidence|means|agencyName|returnReason|authorRole|numeratorLabel"
            + "|denominatorLabel|planTitle|challenge|standardTitle|caseSummary|whatDifference|howWeWillKnow)\"(\\s*):(\\s*)\"");

    private final Map<String, ServiceStandIn> stubs = new LinkedHashMap<>();

    @Inject
    @Client("/")
    HttpClient http;

    HostilePagesTest() {
        for (String service : List.of("indicators", "audits", "actions")) {
            stubs.put(service, new ServiceStandIn());
        }
        harvest("uk.org.quadrant.gateway.browse.indicators.IndicatorPagesTest");
        harvest("uk.org.quadrant.gateway.browse.plans.PlanPagesTest");
        harvest("uk.org.quadrant.gateway.browse.audits.AuditPagesTest");
        harvest("uk.org.quadrant.gateway.browse.themes.ThemePagesTest");
        harvest("uk.org.quadrant.gateway.board.BoardDashboardTest");
        harvest("uk.org.quadrant.gateway.agency.AgencyTaskListTest");
        harvest("uk.org.quadrant.gateway.benchmarks.BenchmarkPagesTest");
        harvestReport();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        stubs.forEach((service, stub) -> p.put("micronaut.http.services." + service + ".url", stub.url()));
        p.put("quadrant.downstream.timeout", "PT3S");
        return p;
    }

    @AfterAll
    void stop() {
        stubs.values().forEach(ServiceStandIn::close);
    }

    /** The payload put in front of every text value of a JSON answer. */
    static String poison(String json) {
        String escaped = PAYLOAD.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
        return TEXT.matcher(json).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + "\"" + m.group(2) + ":" + m.group(3)
                + "\"" + escaped));
    }

    // ---- stand-ins harvested from the page tests ------------------------------------------------------

    /** Reads the stand-ins a page test builds (its fields named indicators, audits, actions) and takes over their answers. */
    private void harvest(String testClass) {
        Object test;
        try {
            Constructor<?> c = Class.forName(testClass).getDeclaredConstructor();
            c.setAccessible(true);
            test = c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + testClass + " to borrow its stand-ins", e);
        }
        for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                ServiceStandIn target = stubs.get(f.getName());
                try {
                    f.setAccessible(true);
                    if (f.get(test) instanceof ServiceStandIn stub) {
                        if (target != null) {
                            stub.routes().forEach((route, responder) -> offer(target, route, responder));
                        }
                        stub.close();
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(testClass + "." + f.getName(), e);
                }
            }
        }
    }

    /** Answers the route poisoned, unless an earlier page test answers it already. */
    private static void offer(ServiceStandIn target, String route, Function<Request, Answer> responder) {
        if (!target.routes().containsKey(route)) {
            target.on(route, request -> {
                Answer a = responder.apply(request);
                return a.body() != null && a.contentType() != null && a.contentType().contains("json") && a.status() < 400
                        ? new Answer(a.status(), a.contentType(), poison(a.body()), a.headers()) : a;
            });
        }
    }

    /** The annual report's answers (the report tests' own data). */
    private void harvestReport() {
        try {
            Class<?> data = Class.forName("uk.org.quadrant.gateway.report.ReportStubData");
            Function<String, String> constant = name -> {
                try {
                    Field f = data.getDeclaredField(name);
                    f.setAccessible(true);
                    return (String) f.get(null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
            offer(stubs.get("indicators"), "/api/v1/scorecard", r -> Answer.json(constant.apply("SCORECARD")));
            offer(stubs.get("audits"), "/api/v1/audits", r -> Answer.json(constant.apply("AUDITS")));
            offer(stubs.get("audits"), "/api/v1/grades", r -> Answer.json(constant.apply("GRADES")));
            offer(stubs.get("audits"), "/api/v1/themes/analysis", r -> Answer.json(constant.apply(
                    r.query().contains("PRACTITIONER") ? "PRACTITIONER_THEMES" : r.query().contains("CHILDREN_AND_FAMILIES") ? "FAMILIES_THEMES"
                            : "QUALITATIVE_THEMES")));
            offer(stubs.get("actions"), "/api/v1/actions", r -> Answer.json(constant.apply("ACTIONS")));
            offer(stubs.get("actions"), "/api/v1/updates", r -> Answer.json(constant.apply("UPDATES")));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the pages -----------------------------------------------------------------------------------

    /** Page, who looks at it, and whether the payload is known to be on it (so its escaping is proven, not assumed). */
    record Visit(String path, String user, boolean payloadShown) {
    }

    List<Visit> visits() {
        List<Visit> v = new ArrayList<>();
        for (String user : List.of("chair", "manager")) {
            v.add(new Visit("/board?period=2017April", user, true));
            v.add(new Visit("/indicators", user, true));
            v.add(new Visit("/indicators/CP-PLANS", user, true));
            v.add(new Visit("/plans", user, true));
            v.add(new Visit("/plans/1", user, true));
            v.add(new Visit("/actions/11", user, true));
            v.add(new Visit("/audits", user, true));
            v.add(new Visit("/audits/1", user, true));
            v.add(new Visit("/audits/2", user, false));
            v.add(new Visit("/themes", user, false));
            v.add(new Visit("/themes/NEGLECT", user, false));
            v.add(new Visit("/reports/learning-and-improvement?year=2017April", user, true));
            v.add(new Visit("/benchmarks", user, true));
            v.add(new Visit("/benchmarks/place", user, true));
            v.add(new Visit("/benchmarks/mappings/CLA-RATE", user, true));
        }
        for (String user : List.of("csc.lead", "csc.user")) {
            v.add(new Visit("/agency/CSC", user, false));
            v.add(new Visit("/indicators/CP-PLANS", user, true));
            v.add(new Visit("/plans/1", user, true));
            v.add(new Visit("/actions/11", user, true));
            v.add(new Visit("/actions/11/update", user, false));
            v.add(new Visit("/audits/1", user, false));
            v.add(new Visit("/audits/1/findings/new", user, false));
            v.add(new Visit("/audits/1/cases/new", user, false));
            v.add(new Visit("/themes/NEGLECT", user, false));
            v.add(new Visit("/benchmarks", user, true));
        }
        v.add(new Visit("/board/submissions", "manager", false));
        return v;
    }

    private final Map<String, Browserless> browsers = new ConcurrentHashMap<>();

    private Browserless as(String user) {
        return browsers.computeIfAbsent(user, u -> {
            Browserless b = new Browserless(http.toBlocking());
            b.signIn(u, Browserless.DEMO_PASSWORD);
            return b;
        });
    }

    @TestFactory
    List<DynamicTest> everyPageEscapesWhatTheServicesSend() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Visit visit : visits()) {
            tests.add(DynamicTest.dynamicTest(visit.path() + " as " + visit.user(), () -> {
                Browserless.Page page = as(visit.user()).get(visit.path());
                String body = page.body();
                String what = visit.path() + " as " + visit.user() + " (" + page.status() + ")";
                assertTrue(page.status() < 500, () -> what + ": " + body);
                assertFalse(body.contains(SCRIPT), () -> what + " shows the script unescaped: " + around(body, SCRIPT));
                assertFalse(body.contains("<img src=x"), () -> what + " shows the img tag unescaped: " + around(body, "<img src=x"));
                assertFalse(body.contains("<svg onload"), () -> what + " shows the svg tag unescaped: " + around(body, "<svg onload"));
                assertFalse(body.contains("\"><img"), () -> what + " lets the payload break out of an attribute: " + around(body, "\"><img"));
                assertFalse(body.contains("</title></text>"), () -> what + " lets the payload close a chart's title: " + around(body, "</title></text>"));
                if (visit.payloadShown()) {
                    assertEquals(200, page.status(), what);
                    assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                            () -> what + ": the payload is not on the page at all, so its escaping is not tested");
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("the chart's SVG title and text escape the payload", () -> {
            String body = as("manager").get("/indicators/CP-PLANS").body();
            Matcher svg = Pattern.compile("(?s)<svg.*?</svg>").matcher(body);
            assertTrue(svg.find(), "no chart on the indicator page");
            svg.reset();
            while (svg.find()) {
                String chart = svg.group();
                assertFalse(chart.contains("<script") || chart.contains("<img") || chart.contains("<svg onload"), chart);
            }
        }));
        tests.add(DynamicTest.dynamicTest("the PDF report renders with the payload in every text", () -> {
            Browserless.Page pdf = as("chair").send(io.micronaut.http.HttpRequest.GET("/reports/learning-and-improvement.pdf?year=2017April")
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
            assertEquals(200, pdf.status(), () -> "the PDF: " + pdf.status() + " " + pdf.body().replaceAll("(?s).*<main", "<main")
                    .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
            assertTrue(pdf.body().startsWith("%PDF"), "a PDF");
        }));
        return tests;
    }

    // ---- issue 14: forged Host and forwarding headers ---------------------------------------------------------------

    @Inject
    EmbeddedServer server;

    static final String EVIL = "evil.example";

    /** Every header a client could use to make the gateway believe it is served from somewhere else, or for someone else. */
    static final Map<String, String> FORGED = Map.of(
            "Host", EVIL,
            "X-Forwarded-Host", EVIL,
            "X-Forwarded-Proto", "https",
            "X-Forwarded-Port", "8443",
            "X-Forwarded-Prefix", "//" + EVIL,
            "X-Forwarded-For", "203.0.113.66",
            "Forwarded", "for=203.0.113.66;host=" + EVIL + ";proto=https",
            "X-Original-URL", "/admin/users",
            "X-Rewrite-URL", "/admin/users");

    private RawHttp.Response forged(String method, String path, Map<String, String> extra, String body) {
        Map<String, String> headers = new LinkedHashMap<>(FORGED);
        headers.putAll(extra);
        return RawHttp.send("127.0.0.1", server.getPort(), method, path, headers, body);
    }

    /** Nothing the gateway wrote names the forged host: no redirect, link, cookie domain or absolute URL. */
    private static void writesNothingOfIt(String what, RawHttp.Response r) {
        assertTrue(r.status() < 500, () -> what + ": " + r.status() + " " + r.body());
        r.headers().forEach((name, values) -> values.forEach(v -> assertFalse(v.contains(EVIL),
                () -> what + ": the forged host is in the " + name + " header: " + v)));
        assertFalse(r.body().contains(EVIL), () -> what + ": the forged host is in the body: " + around(r.body(), EVIL));
        String location = r.header("Location");
        assertTrue(location == null || location.startsWith("/") && !location.startsWith("//"),
                () -> what + ": a redirect that is not to a path of this site: " + location);
    }

    /** Keeps the cookies a response sets, as a browser would; returns them as a Cookie header. */
    private static String keep(Map<String, String> jar, RawHttp.Response r) {
        for (String c : r.all("Set-Cookie")) {
            String[] pair = c.split(";", 2)[0].split("=", 2);
            if (pair.length < 2 || pair[1].isEmpty() || c.toLowerCase().contains("max-age=0")) {
                jar.remove(pair[0].trim());
            } else {
                jar.put(pair[0].trim(), pair[1]);
            }
        }
        return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String csrfOf(RawHttp.Response page) {
        Matcher csrf = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(csrf.find(), page.body());
        return java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    @TestFactory
    List<DynamicTest> forgedHostAndForwardingHeadersReachNothingTheGatewayWrites() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("an anonymous page redirects to this site's sign-in page", () ->
                writesNothingOfIt("GET /board", forged("GET", "/board", Map.of("Accept", "text/html"), null))));
        tests.add(DynamicTest.dynamicTest("the sign-in page", () ->
                writesNothingOfIt("GET /login", forged("GET", "/login", Map.of("Accept", "text/html"), null))));
        tests.add(DynamicTest.dynamicTest("an absolute-form request target naming the forged host", () ->
                writesNothingOfIt("GET http://evil.example/login", forged("GET", "http://" + EVIL + "/login", Map.of("Accept", "text/html"), null))));
        tests.add(DynamicTest.dynamicTest("a page not found", () ->
                writesNothingOfIt("GET /no-such-page", forged("GET", "/no-such-page", Map.of("Accept", "text/html"), null))));
        tests.add(DynamicTest.dynamicTest("the token API's problem+json", () ->
                writesNothingOfIt("POST /api/v1/auth/token", forged("POST", "/api/v1/auth/token",
                        Map.of("Content-Type", "application/json", "Accept", "application/json"), "{\"username\":\"nobody\",\"password\":\"x\"}"))));
        tests.add(DynamicTest.dynamicTest("signing in, the pages, the admin pages and signing out, all with forged headers", () -> {
            Map<String, String> jar = new LinkedHashMap<>();
            RawHttp.Response login = forged("GET", "/login", Map.of("Accept", "text/html"), null);
            String cookie = keep(jar, login);
            RawHttp.Response signIn = forged("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded",
                    "Accept", "text/html", "Cookie", cookie),
                    "username=manager&password=" + Browserless.DEMO_PASSWORD + "&csrfToken=" + csrfOf(login));
            assertEquals(303, signIn.status(), signIn.body());
            writesNothingOfIt("POST /login", signIn);
            cookie = keep(jar, signIn);
            RawHttp.Response last = null;
            for (String path : List.of("/", "/board?period=2017April", "/indicators", "/plans/1", "/audits/1", "/admin/users",
                    "/admin/users/manager", "/admin/users/new", "/reports/learning-and-improvement?year=2017April",
                    "/account/sessions", "/admin/users/manager/sessions")) {
                RawHttp.Response page = forged("GET", path, Map.of("Accept", "text/html", "Cookie", cookie), null);
                assertTrue(page.status() == 200 || page.status() == 303, () -> path + ": " + page.status());
                writesNothingOfIt("GET " + path + " as manager", page);
                cookie = keep(jar, page);
                last = page.status() == 200 ? page : last;
            }
            RawHttp.Response out = forged("POST", "/logout", Map.of("Content-Type", "application/x-www-form-urlencoded",
                    "Accept", "text/html", "Cookie", cookie), "csrfToken=" + csrfOf(last));
            assertEquals(303, out.status(), out.body());
            writesNothingOfIt("POST /logout", out);
        }));
        return tests;
    }

    private static String around(String body, String needle) {
        int i = body.indexOf(needle);
        return i < 0 ? "" : body.substring(Math.max(0, i - 300), Math.min(body.length(), i + 200));
    }
}
