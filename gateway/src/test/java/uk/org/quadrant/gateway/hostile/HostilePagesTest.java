package uk.org.quadrant.gateway.hostile;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.JsonStubServer;
import uk.org.quadrant.gateway.support.StubService;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
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
 * shapes stay the services' real ones), with the payload put in front of each text value.
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

    private final Map<String, HostileStub> stubs = new LinkedHashMap<>();

    @Inject
    @Client("/")
    HttpClient http;

    HostilePagesTest() {
        for (String service : List.of("indicators", "audits", "actions")) {
            stubs.put(service, new HostileStub());
        }
        harvest("uk.org.quadrant.gateway.dashboard.BoardDashboardTest");
        harvest("uk.org.quadrant.gateway.indicators.IndicatorPagesTest");
        harvest("uk.org.quadrant.gateway.plans.PlanPagesTest");
        harvest("uk.org.quadrant.gateway.audits.AuditPagesTest");
        harvest("uk.org.quadrant.gateway.themes.ThemePagesTest");
        harvest("uk.org.quadrant.gateway.agency.AgencyTaskListTest");
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
        stubs.values().forEach(HostileStub::close);
    }

    /** The payload put in front of every text value of a JSON answer. */
    static String poison(String json) {
        String escaped = PAYLOAD.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
        return TEXT.matcher(json).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + "\"" + m.group(2) + ":" + m.group(3)
                + "\"" + escaped));
    }

    // ---- stand-ins harvested from the page tests ------------------------------------------------------

    /** Reads the stand-ins a page test builds (its fields named indicators, audits, actions) and takes over their answers. */
    @SuppressWarnings("unchecked")
    private void harvest(String testClass) {
        Object test;
        try {
            Constructor<?> c = Class.forName(testClass).getDeclaredConstructor();
            c.setAccessible(true);
            test = c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + testClass + " to borrow its stand-ins", e);
        }
        for (Field f : test.getClass().getDeclaredFields()) {
            HostileStub target = stubs.get(f.getName());
            try {
                f.setAccessible(true);
                Object stub = f.get(test);
                if (stub instanceof StubService s) {
                    Field routes = StubService.class.getDeclaredField("routes");
                    routes.setAccessible(true);
                    ((Map<String, Function<String, StubService.Answer>>) routes.get(s)).forEach((path, answer) -> {
                        if (target != null) {
                            target.routes.putIfAbsent(path, q -> {
                                StubService.Answer a = answer.apply(q);
                                return new Reply(a.status(), a.contentType(), a.body());
                            });
                        }
                    });
                    s.close();
                } else if (stub instanceof JsonStubServer s) {
                    Field answers = JsonStubServer.class.getDeclaredField("answers");
                    answers.setAccessible(true);
                    ((Map<String, JsonStubServer.Answer>) answers.get(s)).forEach((path, a) -> {
                        if (target != null) {
                            target.exact.putIfAbsent(path, new Reply(a.status(), a.status() >= 400 ? "application/problem+json"
                                    : "application/json", a.json()));
                        }
                    });
                    s.close();
                } else if (stub instanceof AutoCloseable closeable && f.getType().getName().contains("Stub")) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(testClass + "." + f.getName(), e);
            }
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
            stubs.get("indicators").routes.putIfAbsent("/api/v1/scorecard", q -> Reply.json(constant.apply("SCORECARD")));
            stubs.get("audits").routes.putIfAbsent("/api/v1/audits", q -> Reply.json(constant.apply("AUDITS")));
            stubs.get("audits").routes.putIfAbsent("/api/v1/grades", q -> Reply.json(constant.apply("GRADES")));
            stubs.get("audits").routes.putIfAbsent("/api/v1/themes/analysis", q -> Reply.json(constant.apply(
                    q.contains("PRACTITIONER") ? "PRACTITIONER_THEMES" : q.contains("CHILDREN_AND_FAMILIES") ? "FAMILIES_THEMES"
                            : "QUALITATIVE_THEMES")));
            stubs.get("actions").routes.putIfAbsent("/api/v1/actions", q -> Reply.json(constant.apply("ACTIONS")));
            stubs.get("actions").routes.putIfAbsent("/api/v1/updates", q -> Reply.json(constant.apply("UPDATES")));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, String body) {
        static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }
    }

    /** A service stand-in answering the harvested answers, poisoned. */
    static final class HostileStub implements AutoCloseable {
        final Map<String, Function<String, Reply>> routes = new ConcurrentHashMap<>();
        final Map<String, Reply> exact = new ConcurrentHashMap<>();
        private final HttpServer server;

        HostileStub() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                String query = exchange.getRequestURI().getRawQuery();
                Reply reply = exact.get(query == null ? path : path + "?" + query);
                if (reply == null && routes.containsKey(path)) {
                    reply = routes.get(path).apply(query == null ? "" : query);
                }
                if (reply == null) {
                    reply = exact.get(path);
                }
                if (reply == null) {
                    reply = new Reply(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
                }
                String body = reply.contentType().contains("json") && reply.status() < 400 ? poison(reply.body()) : reply.body();
                byte[] out = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", reply.contentType());
                exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                } catch (IOException ignored) {
                    // the gateway gave up
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
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

    private static String around(String body, String needle) {
        int i = body.indexOf(needle);
        return i < 0 ? "" : body.substring(Math.max(0, i - 300), Math.min(body.length(), i + 200));
    }
}
