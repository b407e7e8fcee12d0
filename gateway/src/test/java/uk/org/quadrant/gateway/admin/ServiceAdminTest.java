package uk.org.quadrant.gateway.admin;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Answer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Indicator, figure and theme forms send indicators-service and audits-service (stand-ins on
 * loopback) exactly the JSON their controllers read, with the manager's own token; a service's
 * field errors come back inline and a stale version is a 409 page with the current values.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAdminTest implements TestPropertyProvider {

    private static final String MASH = """
            {"code":"MASH-TIMELINESS","title":"MASH decisions within 24 hours","description":"Contacts decided in a day",
             "unit":"PERCENT","polarity":"HIGHER_IS_BETTER","frequency":"FINANCIAL_YEAR","ownerAgency":"CSC","priority":7,
             "tolerancePercent":10.0,"numeratorLabel":null,"denominatorLabel":null,"population":null,"published":true,
             "active":true,"version":%d,"updatedBy":"manager","updatedAt":"2026-11-01T10:00:00Z"}""";

    private volatile long mashVersion = 3;

    private final ServiceStandIn indicators = new ServiceStandIn().otherwise(request -> {
        String method = request.method();
        String path = request.path();
        String body = request.body();
        String base = "/api/v1/indicators";
        if (method.equals("GET") && path.equals(base)) {
            return Answer.json("[" + MASH.formatted(mashVersion) + ",{\"code\":\"LAC-RATE\",\"title\":\"Looked-after children per 10,000\","
                    + "\"ownerAgency\":\"CSC\",\"priority\":5,\"active\":false,\"published\":true}]");
        }
        if (method.equals("GET") && path.equals(base + "/MASH-TIMELINESS")) {
            return Answer.json(MASH.formatted(mashVersion));
        }
        if (method.equals("GET") && path.equals(base + "/MASH-TIMELINESS/targets")) {
            return Answer.json("[{\"indicatorCode\":\"MASH-TIMELINESS\",\"period\":\"2017April\",\"periodLabel\":\"2017/18\","
                    + "\"comparator\":null,\"value\":75,\"updatedBy\":\"manager\",\"updatedAt\":\"2026-11-01T10:00:00Z\"}]");
        }
        if (method.equals("GET") && path.equals(base + "/MASH-TIMELINESS/baselines")) {
            return Answer.json("[]");
        }
        if (method.equals("GET") && path.equals(base + "/MASH-TIMELINESS/benchmarks")) {
            return Answer.json("[{\"indicatorCode\":\"MASH-TIMELINESS\",\"period\":\"2016April\",\"periodLabel\":\"2016/17\","
                    + "\"comparator\":\"ENGLAND\",\"value\":68.2,\"updatedBy\":\"manager\",\"updatedAt\":\"2026-11-01T10:00:00Z\"}]");
        }
        if (method.equals("POST") && path.equals(base)) {
            if (body.contains("\"code\":\"MASH-TIMELINESS\"")) {
                return problem(409, "Indicator MASH-TIMELINESS already exists", null, null);
            }
            if (body.contains("\"ownerAgency\":\"BOARD\"")) {
                return problem(400, "Invalid request", "ownerAgency", "is not a known agency code");
            }
            return Answer.json(201, body);
        }
        if (method.equals("PUT") && path.equals(base + "/MASH-TIMELINESS")) {
            if (!body.contains("\"version\":" + mashVersion)) {
                return problem(409, "Indicator MASH-TIMELINESS was changed by someone else", null, null);
            }
            mashVersion++;
            return Answer.json(MASH.formatted(mashVersion));
        }
        if (method.equals("PUT") && path.startsWith(base + "/MASH-TIMELINESS/")) {
            if (path.endsWith("/2017")) {
                return problem(400, "Invalid request", "period", "'2017' is not a FINANCIAL_YEAR period");
            }
            return Answer.json("{\"indicatorCode\":\"MASH-TIMELINESS\",\"period\":\"2018April\",\"periodLabel\":\"2018/19\",\"value\":80}");
        }
        if (method.equals("DELETE")) {
            return Answer.empty(204);
        }
        return problem(404, "No indicator", null, null);
    });

    private final ServiceStandIn audits = new ServiceStandIn().otherwise(request -> {
        String method = request.method();
        String path = request.path();
        String body = request.body();
        if (method.equals("GET") && path.equals("/api/v1/themes")) {
            return Answer.json("[{\"code\":\"FATHERS\",\"label\":\"Fathers\",\"active\":true},"
                    + "{\"code\":\"NEGLECT\",\"label\":\"Neglect\",\"active\":true},{\"code\":\"OLD_THEME\",\"label\":\"Retired one\",\"active\":false}]");
        }
        if (method.equals("POST") && path.equals("/api/v1/themes")) {
            if (body.contains("\"code\":\"NEGLECT\"")) {
                return problem(409, "Theme NEGLECT already exists", null, null);
            }
            if (!body.matches(".*\"code\":\"[A-Z][A-Z0-9_]*\".*")) {
                return problem(400, "Invalid request", "code", "must be upper-case letters, digits and underscores");
            }
            return Answer.json(201, body);
        }
        if (method.equals("PUT") && path.equals("/api/v1/themes/NEGLECT")) {
            return Answer.json(body);
        }
        return problem(404, "No theme", null, null);
    });

    /** A problem+json answer as the services write it, with one field error or none. */
    private static Answer problem(int status, String detail, String field, String message) {
        String errors = field == null ? "[]" : "[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]";
        return Answer.json(status, "{\"type\":\"about:blank\",\"title\":\"Problem\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"errors\":" + errors + "}");
    }

    @Inject
    @Client("/")
    HttpClient http;

    Browserless manager;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.indicators.url", indicators.url(),
                "micronaut.http.services.audits.url", audits.url());
    }

    @AfterAll
    void stop() {
        indicators.close();
        audits.close();
    }

    @BeforeEach
    void signIn() {
        manager = new Browserless(http.toBlocking());
        manager.signIn("manager", Browserless.DEMO_PASSWORD);
    }

    private String bearer() {
        return "Bearer " + manager.cookie("quadrant_session").orElseThrow();
    }

    @Test
    void theIndicatorListShowsWhatTheServiceHolds() {
        Page page = manager.get("/admin/indicators");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("MASH decisions within 24 hours"));
        assertTrue(page.body().contains("Looked-after children per 10,000"));
        assertTrue(page.body().contains("Retired"), "an inactive indicator says so in words");
        assertEquals(bearer(), indicators.last("GET").authorization(), "the manager's own token");
    }

    @Test
    void addingAnIndicatorSendsTheDefinitionJson() {
        Page page = Forms.post(manager, "/admin/indicators", "code", "EHA-STARTS", "title", "Early help assessments started",
                "description", "", "unit", "COUNT", "polarity", "NEUTRAL", "frequency", "FINANCIAL_QUARTER",
                "ownerAgency", "EI", "priority", "2", "tolerancePercent", "12.5", "numeratorLabel", "", "denominatorLabel", "",
                "population", "", "published", "true");
        assertEquals(303, page.status(), page.body());
        assertTrue(page.location().startsWith("/admin/indicators/EHA-STARTS/figures?notice=INDICATOR_ADDED"), page.location());
        ServiceStandIn.Request post = indicators.last("POST");
        assertEquals("/api/v1/indicators", post.path());
        assertEquals(bearer(), post.authorization());
        String json = post.body();
        assertTrue(json.contains("\"code\":\"EHA-STARTS\""), json);
        assertTrue(json.contains("\"title\":\"Early help assessments started\""), json);
        assertTrue(json.contains("\"unit\":\"COUNT\""), json);
        assertTrue(json.contains("\"polarity\":\"NEUTRAL\""), json);
        assertTrue(json.contains("\"frequency\":\"FINANCIAL_QUARTER\""), json);
        assertTrue(json.contains("\"ownerAgency\":\"EI\""), json);
        assertTrue(json.contains("\"priority\":2"), "a number, not a string: " + json);
        assertTrue(json.contains("\"tolerancePercent\":12.5"), json);
        assertTrue(json.contains("\"published\":true"), json);
        assertTrue(json.contains("\"active\":false"), json);
        assertTrue(json.contains("\"description\":null"), "empty optional fields are null: " + json);
    }

    @Test
    void aFieldErrorFromTheServiceIsShownInline() {
        Page page = Forms.post(manager, "/admin/indicators", "code", "NEW-ONE", "title", "New one", "unit", "COUNT",
                "polarity", "NEUTRAL", "frequency", "CALENDAR_YEAR", "ownerAgency", "BOARD", "priority", "1");
        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains("govuk-error-summary"));
        assertTrue(page.body().contains("href=\"#ownerAgency\""), page.body());
        assertTrue(page.body().contains("id=\"ownerAgency-error\""), "inline next to the field");
        assertTrue(page.body().contains("Owning agency is not a known agency code"));
        assertTrue(page.body().contains("value=\"New one\""), "what was typed is kept");

        Page local = Forms.post(manager, "/admin/indicators", "code", "NEW-TWO", "title", "x", "priority", "high");
        assertEquals(400, local.status());
        assertTrue(local.body().contains("Business plan priority must be a whole number from 1 to 8"));

        Page duplicate = Forms.post(manager, "/admin/indicators", "code", "MASH-TIMELINESS", "title", "Again", "unit", "COUNT",
                "polarity", "NEUTRAL", "frequency", "CALENDAR_YEAR", "ownerAgency", "CSC", "priority", "1");
        assertEquals(400, duplicate.status());
        assertTrue(duplicate.body().contains("An indicator with code MASH-TIMELINESS already exists"));
    }

    @Test
    void editingSendsTheVersionReadAndAStaleOneIsA409WithTheCurrentValues() {
        Page form = manager.get("/admin/indicators/MASH-TIMELINESS");
        assertEquals(200, form.status(), form.body());
        assertTrue(form.body().contains("value=\"MASH decisions within 24 hours\""));
        String version = Forms.hidden(form, "version");
        Page saved = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS", "version", version, "title", "MASH decisions in a day",
                "unit", "PERCENT", "polarity", "HIGHER_IS_BETTER", "frequency", "FINANCIAL_YEAR", "ownerAgency", "CSC",
                "priority", "7", "tolerancePercent", "10", "published", "true", "active", "true");
        assertEquals(303, saved.status(), saved.body());
        ServiceStandIn.Request put = indicators.last("PUT");
        assertEquals("/api/v1/indicators/MASH-TIMELINESS", put.path());
        assertTrue(put.body().contains("\"version\":" + version), put.body());
        assertTrue(put.body().contains("\"code\":\"MASH-TIMELINESS\""), put.body());
        assertTrue(put.body().contains("\"title\":\"MASH decisions in a day\""), put.body());
        assertTrue(manager.get(saved.location()).body().contains("Indicator MASH-TIMELINESS saved"));

        Page stale = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS", "version", version, "title", "Overwrite",
                "unit", "PERCENT", "polarity", "HIGHER_IS_BETTER", "frequency", "FINANCIAL_YEAR", "ownerAgency", "CSC", "priority", "7");
        assertEquals(409, stale.status(), stale.body());
        assertTrue(stale.body().contains("Someone else changed this"));
        assertEquals(String.valueOf(mashVersion), Forms.hidden(stale, "version"), "the current version, to try again");
        assertTrue(stale.body().contains("value=\"MASH decisions within 24 hours\""), "the current values");
    }

    @Test
    void anIndicatorTheServiceDoesNotKnowIsA404() {
        assertEquals(404, manager.get("/admin/indicators/NO-SUCH").status());
    }

    @Test
    void theFiguresPageShowsTargetsAndBenchmarksAndSetsAndRemovesThem() {
        Page page = manager.get("/admin/indicators/MASH-TIMELINESS/figures");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("2017/18"), "periods in the users' words");
        assertTrue(page.body().contains(">75<"));
        assertTrue(page.body().contains(">England</td>"), "the comparator in words");
        assertFalse(page.body().contains("ENGLAND</") || page.body().contains("2017April</"), "no code shown as text");
        assertTrue(page.body().contains("<option value=\"2017April\">2017/18</option>"), "the period chosen from a list, in words");
        assertTrue(page.body().contains("<option value=\"STATISTICAL_NEIGHBOURS\">Statistical neighbours</option>"), "and the comparator");
        assertTrue(page.body().contains(">68.2<"));
        assertTrue(page.body().contains("No baselines set."));

        Page target = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS/figures", "kind", "TARGET", "period", "2018April",
                "comparator", "", "value", "80");
        assertEquals(303, target.status(), target.body());
        ServiceStandIn.Request put = indicators.last("PUT");
        assertEquals("/api/v1/indicators/MASH-TIMELINESS/targets/2018April", put.path());
        assertEquals("{\"value\":80}", put.body());
        assertEquals(bearer(), put.authorization());
        assertTrue(manager.get(target.location()).body().contains("Target for 2018/19 of 80 set"));

        Page benchmark = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS/figures", "kind", "BENCHMARK", "period", "2017April",
                "comparator", "STATISTICAL_NEIGHBOURS", "value", "71.5");
        assertEquals(303, benchmark.status());
        put = indicators.last("PUT");
        assertEquals("/api/v1/indicators/MASH-TIMELINESS/benchmarks/2017April/STATISTICAL_NEIGHBOURS", put.path());
        assertEquals("{\"value\":71.5}", put.body());

        Page baseline = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS/figures", "kind", "BASELINE", "period", "2016April",
                "value", "60");
        assertEquals(303, baseline.status());
        assertEquals("/api/v1/indicators/MASH-TIMELINESS/baselines/2016April", indicators.last("PUT").path());

        Page removed = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS/figures/remove", "kind", "BENCHMARK",
                "period", "2016April", "comparator", "ENGLAND");
        assertEquals(303, removed.status(), removed.body());
        assertEquals("/api/v1/indicators/MASH-TIMELINESS/benchmarks/2016April/ENGLAND", indicators.last("DELETE").path());
        assertTrue(manager.get(removed.location()).body().contains("Benchmark for 2016/17 (England) removed"));
    }

    @Test
    void aBadPeriodFromTheServiceIsShownInlineOnTheFiguresForm() {
        Page page = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS/figures", "kind", "TARGET", "period", "2017",
                "comparator", "", "value", "75");
        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains("href=\"#period\""));
        assertTrue(page.body().contains("id=\"period-error\""));
        assertTrue(page.body().contains("Period &#39;2017&#39; is not a FINANCIAL_YEAR period"), page.body());
        Page notANumber = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS/figures", "kind", "TARGET", "period", "2017April",
                "value", "seventy");
        assertEquals(400, notANumber.status());
        assertTrue(notANumber.body().contains("Value must be a number"));
        Page noComparator = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS/figures", "kind", "BENCHMARK", "period", "2017April",
                "value", "70");
        assertTrue(noComparator.body().contains("Choose what the benchmark compares with"));
        // an authority named in words is what the benchmark compares with
        Page named = Forms.post(manager, "/admin/indicators/MASH-TIMELINESS/figures", "kind", "BENCHMARK", "period", "2017April",
                "comparator", "", "authority", "Buckinghamshire", "value", "70");
        assertEquals(303, named.status(), named.body());
        assertEquals("/api/v1/indicators/MASH-TIMELINESS/benchmarks/2017April/Buckinghamshire", indicators.last("PUT").path());
    }

    @Test
    void themesAreListedAddedRenamedAndRetired() {
        Page list = manager.get("/admin/themes");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains(">Fathers<"));
        assertTrue(list.body().contains("Retired"));

        Page added = Forms.post(manager, "/admin/themes", "code", "WAS_NOT_BROUGHT", "label", "Was not brought");
        assertEquals(303, added.status(), added.body());
        ServiceStandIn.Request post = audits.last("POST");
        assertEquals("/api/v1/themes", post.path());
        assertEquals("{\"code\":\"WAS_NOT_BROUGHT\",\"label\":\"Was not brought\"}", post.body());
        assertEquals(bearer(), post.authorization());
        assertTrue(manager.get(added.location()).body().contains("Theme Was not brought added"));

        Page edit = manager.get("/admin/themes/NEGLECT");
        assertEquals(200, edit.status());
        assertTrue(edit.body().contains("value=\"Neglect\""));
        Page retired = Forms.post(manager, "/admin/themes/NEGLECT", "label", "Neglect (all forms)");
        assertEquals(303, retired.status(), retired.body());
        ServiceStandIn.Request put = audits.last("PUT");
        assertEquals("/api/v1/themes/NEGLECT", put.path());
        assertEquals("{\"label\":\"Neglect (all forms)\",\"active\":false}", put.body());

        assertEquals(404, manager.get("/admin/themes/NOT_A_THEME").status());
    }

    @Test
    void aThemeCodeTheServiceRefusesIsShownInline() {
        Page bad = Forms.post(manager, "/admin/themes", "code", "lower case", "label", "Something");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("href=\"#code\""));
        assertTrue(bad.body().contains("Code must be upper-case letters, digits and underscores"));
        assertTrue(bad.body().contains("value=\"Something\""));
        Page duplicate = Forms.post(manager, "/admin/themes", "code", "NEGLECT", "label", "Neglect");
        assertEquals(400, duplicate.status());
        assertTrue(duplicate.body().contains("A theme with code NEGLECT already exists"));
        assertFalse(duplicate.body().contains("Theme Neglect added"));
    }
}
