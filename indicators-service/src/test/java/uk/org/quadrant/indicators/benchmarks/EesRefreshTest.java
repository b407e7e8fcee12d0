package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.common.testing.api.Api.assertNumber;

/**
 * Refresh from the EES API, against a local server speaking the published shapes: a new version of a
 * mapped data set is staged with what it would change, the manager approves (imported, traced to the
 * data set version) or discards it, a version is staged once, and an unreachable data set is reported.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EesRefreshTest implements TestPropertyProvider {

    private static final String DATA_SET = "c1a2b3c4-0000-4000-8000-00000000c1a0";
    private static final String BROKEN = "c1a2b3c4-0000-4000-8000-00000000dead";
    private static final String FILTER = "population_type:" + PublishedFiles.CLA_31_MARCH;

    private final TestTokens tokens = new TestTokens();
    private final FakeEesApi ees = new FakeEesApi();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    private BenchmarkTestSupport http;
    private String cla;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(tokens.properties());
        p.put("quadrant.benchmarks.ees-api.url", ees.url());
        return p;
    }

    @AfterAll
    void stop() {
        tokens.close();
        ees.close();
    }

    private String manager() {
        return tokens.board("manager", "BOARD_MANAGER");
    }

    private String cscLead() {
        return tokens.agencyUser("csc.lead", "CSC", "AGENCY_LEAD");
    }

    @BeforeAll
    void define() {
        http = new BenchmarkTestSupport(client, json);
        cla = PublishedFiles.text(PublishedFiles.CLA);
        for (String code : List.of("RF-LAC", "RF-BROKEN")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("title", "Refresh " + code);
            m.put("unit", "COUNT");
            m.put("polarity", "LOWER_IS_BETTER");
            m.put("frequency", "FINANCIAL_YEAR");
            m.put("ownerAgency", "CSC");
            m.put("priority", 3);
            m.put("tolerancePercent", 10);
            var request = io.micronaut.http.HttpRequest.POST("/api/v1/indicators", m).bearerAuth(manager());
            assertEquals(201, client.toBlocking().exchange(request, String.class).code());
        }
        map("RF-LAC", DATA_SET);
        map("RF-BROKEN", BROKEN);
        ees.publish(DATA_SET, "1.0", cla);
        ees.fail(BROKEN);
    }

    private void map(String code, String dataSetId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measure", "children_count");
        m.put("filters", List.of(FILTER));
        m.put("dataSetId", dataSetId);
        var res = http.put(manager(), "/api/v1/benchmarks/mappings/" + code, m);
        assertEquals(200, res.status(), res::toString);
    }

    private BenchmarkTestSupport.Res postJson(String token, String path) {
        io.micronaut.http.MutableHttpRequest<?> request = io.micronaut.http.HttpRequest.POST(path, Map.of());
        if (token != null) {
            request.bearerAuth(token);
        }
        String body;
        int status;
        try {
            var response = client.toBlocking().exchange(request, String.class);
            status = response.code();
            body = response.getBody(String.class).orElse("");
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            status = e.getStatus().getCode();
            body = e.getResponse().getBody(String.class).orElse("");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (body.startsWith("{")) {
            try {
                map = json.readValue(body, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new BenchmarkTestSupport.Res(status, body, map);
    }

    @Test
    @Order(1)
    void aNewVersionIsStagedWithWhatItWouldChangeAndWritesNoFigure() {
        var res = postJson(manager(), "/api/v1/benchmarks/staged/check");
        assertEquals(200, res.status(), res::toString);
        assertNumber("2", res.map().get("checked"), "checked");
        List<Map<String, Object>> staged = res.list("staged");
        assertEquals(1, staged.size(), res::toString);
        Map<String, Object> s = staged.get(0);
        assertEquals("RF-LAC", s.get("indicator"));
        assertEquals("1.0", s.get("dataSetVersion"));
        assertEquals("STAGED", s.get("status"));
        long figures = PublishedFiles.rows(PublishedFiles.CLA).stream().filter(r -> r.get("population_type").equals(PublishedFiles.CLA_31_MARCH)).count();
        assertNumber(Long.toString(figures), s.get("valuesChanging"), "every figure is new");
        List<Map<String, Object>> failures = res.list("failures");
        assertEquals(1, failures.size(), res::toString);
        assertEquals("RF-BROKEN", failures.get(0).get("indicator"));
        assertTrue(failures.get(0).get("reason").toString().contains("500"), res::toString);
        assertTrue(ees.requests.contains("/v1/data-sets/" + DATA_SET + "/csv?dataSetVersion=1.0"), ees.requests::toString);
        assertEquals(404, http.get(cscLead(), "/api/v1/indicators/RF-LAC/comparison").status(), "nothing imported yet");
        // Checked again: the same version is not staged twice.
        var again = postJson(manager(), "/api/v1/benchmarks/staged/check");
        assertEquals(0, again.list("staged").size(), again::toString);
    }

    @Test
    @Order(2)
    void theManagerApprovesItAndTheComparisonIsTracedToTheDataSetVersion() {
        long id = stagedId("1.0");
        assertEquals(403, postJson(cscLead(), "/api/v1/benchmarks/staged/" + id + "/approve").status());
        assertEquals(403, postJson(tokens.board("chair", "BOARD_CHAIR"), "/api/v1/benchmarks/staged/" + id + "/discard").status());
        var res = postJson(manager(), "/api/v1/benchmarks/staged/" + id + "/approve");
        assertEquals(200, res.status(), res::toString);
        var c = http.get(cscLead(), "/api/v1/indicators/RF-LAC/comparison?period=2024April");
        assertEquals(200, c.status(), c::toString);
        assertNumber("800", c.obj("la").get("value"), "Oxfordshire");
        assertEquals(DATA_SET, c.obj("source").get("dataSetId"));
        assertEquals("1.0", c.obj("source").get("dataSetVersion"));
        assertEquals(409, postJson(manager(), "/api/v1/benchmarks/staged/" + id + "/approve").status(), "decided once");
        assertEquals("APPROVED", staged("1.0").get("status"));
        assertEquals(0, postJson(manager(), "/api/v1/benchmarks/staged/check").list("staged").size(), "1.0 is imported");
    }

    @Test
    @Order(3)
    void aRevisionSaysHowManyValuesWouldChangeAndADiscardedOneIsNotStagedAgain() {
        String revised = cla.replace("Children looked after on 31 March each year,156647,800,51", "Children looked after on 31 March each year,156647,805,51")
                .replace("England,,,,,,Children looked after on 31 March each year,12183016,81770,67",
                        "England,,,,,,Children looked after on 31 March each year,12183016,81775,67");
        assertTrue(!revised.equals(cla));
        ees.publish(DATA_SET, "1.1", revised);
        var res = postJson(manager(), "/api/v1/benchmarks/staged/check");
        assertEquals(1, res.list("staged").size(), res::toString);
        Map<String, Object> s = res.list("staged").get(0);
        assertNumber("2", s.get("valuesChanging"), "2 values would change");
        assertNumber("2", ((Map<?, ?>) s.get("changes")).get("changed"), "changed");
        var discarded = postJson(manager(), "/api/v1/benchmarks/staged/" + s.get("id") + "/discard");
        assertEquals(200, discarded.status(), discarded::toString);
        assertEquals("DISCARDED", discarded.map().get("status"));
        assertEquals("manager", discarded.map().get("decidedBy"));
        assertNumber("800", http.get(cscLead(), "/api/v1/indicators/RF-LAC/comparison?period=2024April").obj("la").get("value"), "unchanged");
        assertEquals(0, postJson(manager(), "/api/v1/benchmarks/staged/check").list("staged").size(), "not staged again");
        assertEquals(409, postJson(manager(), "/api/v1/benchmarks/staged/" + s.get("id") + "/approve").status());
        assertEquals(404, postJson(manager(), "/api/v1/benchmarks/staged/999999/approve").status());
    }

    @Test
    @Order(4)
    void everyoneSeesWhatIsStagedOnlyTheManagerChecks() {
        var list = http.get(cscLead(), "/api/v1/benchmarks/staged");
        assertEquals(200, list.status(), list::toString);
        assertTrue(list.body().contains("\"dataSetVersion\":\"1.1\"") && list.body().contains("\"status\":\"DISCARDED\""), list::toString);
        assertTrue(!list.body().contains("csv"), "the CSV itself is not listed");
        assertEquals(403, postJson(cscLead(), "/api/v1/benchmarks/staged/check").status());
        assertEquals(401, postJson(null, "/api/v1/benchmarks/staged/check").status());
    }

    private Map<String, Object> staged(String version) {
        var list = http.get(manager(), "/api/v1/benchmarks/staged");
        try {
            List<Map<String, Object>> rows = json.readValue(list.body(),
                    io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
            return rows.stream().filter(r -> version.equals(r.get("dataSetVersion"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + version + " staged: " + list));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long stagedId(String version) {
        return ((Number) staged(version).get("id")).longValue();
    }
}
