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
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Answer;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20: the manager's DHIS2 identifiers page lists indicators-service's mappings (a stand-in on loopback) and
 * sends it exactly the calls its API takes, with the manager's own token; UIDs are checked before anything is sent,
 * and the service's field errors come back inline.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Dhis2MappingsAdminTest implements TestPropertyProvider {

    private final ServiceStandIn indicators = new ServiceStandIn().otherwise(request -> {
        String method = request.method();
        String path = request.path();
        if (method.equals("GET") && path.equals("/api/v1/indicators")) {
            return Answer.json("[{\"code\":\"MASH-TIMELINESS\",\"title\":\"MASH decisions within 24 hours\",\"ownerAgency\":\"CSC\","
                    + "\"priority\":7,\"active\":true,\"published\":true}]");
        }
        if (method.equals("GET") && path.equals("/api/v1/dhis2/mappings")) {
            return Answer.json("{\"dataElements\":[{\"dataElement\":\"f7n9E0hX8qk\",\"categoryOptionCombo\":null,\"indicator\":\"MASH-TIMELINESS\","
                    + "\"version\":1,\"updatedBy\":\"manager\",\"updatedAt\":\"2026-12-07T10:00:00Z\"},{\"dataElement\":\"dFaBg0HpoIL\","
                    + "\"categoryOptionCombo\":\"hF0pQZIn6Ch\",\"indicator\":\"LAC-RATE\",\"version\":1,\"updatedBy\":\"manager\","
                    + "\"updatedAt\":\"2026-12-07T10:00:00Z\"}],\"orgUnits\":[{\"orgUnit\":\"DiszpKrYNg8\",\"agency\":\"CSC\",\"version\":1,"
                    + "\"updatedBy\":\"manager\",\"updatedAt\":\"2026-12-07T10:00:00Z\"}]}");
        }
        if (method.equals("PUT") && path.startsWith("/api/v1/dhis2/mappings/")) {
            if (request.body().contains("\"NO-SUCH\"")) {
                return Answer.json(400, "{\"type\":\"about:blank\",\"title\":\"Problem\",\"status\":400,\"detail\":\"Invalid request\","
                        + "\"errors\":[{\"field\":\"indicator\",\"message\":\"no indicator NO-SUCH\"}]}");
            }
            return Answer.json(request.body());
        }
        if (method.equals("DELETE") && path.equals("/api/v1/dhis2/mappings/org-units/Gone0000000")) {
            return Answer.json(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"not mapped\"}");
        }
        if (method.equals("DELETE")) {
            return Answer.empty(204);
        }
        return Answer.json(404, "{\"status\":404,\"detail\":\"No such thing\"}");
    });

    @Inject
    @Client("/")
    HttpClient http;

    Browserless manager;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.indicators.url", indicators.url());
    }

    @AfterAll
    void stop() {
        indicators.close();
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
    void thePageListsTheMappingsAndTheAdminHomeLinksToIt() {
        Page page = manager.get("/admin/dhis2");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("f7n9E0hX8qk") && page.body().contains("Every combo without its own mapping"), page.body());
        assertTrue(page.body().contains("hF0pQZIn6Ch") && page.body().contains("LAC-RATE"));
        assertTrue(page.body().contains("DiszpKrYNg8"));
        assertTrue(page.body().contains("MASH-TIMELINESS – MASH decisions within 24 hours"), "the indicators to choose from");
        assertTrue(page.body().contains("name=\"csrfToken\""));
        assertEquals(bearer(), indicators.last("GET").authorization(), "the manager's own token");
        assertTrue(manager.get("/admin").body().contains("href=\"/admin/dhis2\""));
    }

    @Test
    void mappingADataElementSendsItsUidComboAndIndicator() {
        Page done = Forms.post(manager, "/admin/dhis2/data-elements", "dataElement", "dFaBg0HpoIL", "categoryOptionCombo", "rtfSaMjPyq6",
                "indicator", "MASH-TIMELINESS");
        assertEquals(303, done.status(), done.body());
        ServiceStandIn.Request put = indicators.last("PUT");
        assertEquals("/api/v1/dhis2/mappings/data-elements/dFaBg0HpoIL", put.path());
        assertEquals("categoryOptionCombo=rtfSaMjPyq6", put.query());
        assertEquals("{\"indicator\":\"MASH-TIMELINESS\"}", put.body());
        assertEquals(bearer(), put.authorization());
        assertTrue(manager.get(done.location()).body().contains("The mapping of data element dFaBg0HpoIL (rtfSaMjPyq6) to MASH-TIMELINESS set."));
        // Without a combo: the mapping for every combo.
        assertEquals(303, Forms.post(manager, "/admin/dhis2/data-elements", "dataElement", "Ix2HsbDMLea", "categoryOptionCombo", "",
                "indicator", "MASH-TIMELINESS").status());
        assertEquals("/api/v1/dhis2/mappings/data-elements/Ix2HsbDMLea", indicators.last("PUT").path());
        assertTrue(indicators.last("PUT").query() == null || indicators.last("PUT").query().isEmpty(), indicators.last("PUT").line());
        assertEquals("{\"indicator\":\"MASH-TIMELINESS\"}", indicators.last("PUT").body());
    }

    @Test
    void mappingAnOrgUnitAndRemovingMappings() {
        assertEquals(303, Forms.post(manager, "/admin/dhis2/org-units", "orgUnit", "BdfsJfj87js", "agency", "TVP").status());
        ServiceStandIn.Request put = indicators.last("PUT");
        assertEquals("/api/v1/dhis2/mappings/org-units/BdfsJfj87js", put.path());
        assertEquals("{\"agency\":\"TVP\"}", put.body());
        assertEquals(303, Forms.post(manager, "/admin/dhis2/org-units/remove", "orgUnit", "BdfsJfj87js").status());
        assertEquals("/api/v1/dhis2/mappings/org-units/BdfsJfj87js", indicators.last("DELETE").path());
        assertEquals(303, Forms.post(manager, "/admin/dhis2/data-elements/remove", "dataElement", "dFaBg0HpoIL",
                "categoryOptionCombo", "hF0pQZIn6Ch").status());
        assertEquals("/api/v1/dhis2/mappings/data-elements/dFaBg0HpoIL", indicators.last("DELETE").path());
        assertEquals("categoryOptionCombo=hF0pQZIn6Ch", indicators.last("DELETE").query());
        Page gone = Forms.post(manager, "/admin/dhis2/org-units/remove", "orgUnit", "Gone0000000");
        assertEquals(400, gone.status(), gone.body());
        assertTrue(gone.body().contains("That mapping no longer exists"), gone.body());
    }

    @Test
    void badUidsAreRefusedInlineBeforeAnythingIsSentAndTheServicesErrorsShowInline() {
        indicators.clear();
        Page bad = Forms.post(manager, "/admin/dhis2/data-elements", "dataElement", "../../x", "categoryOptionCombo", "short",
                "indicator", "");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("href=\"#dataElement\"") && bad.body().contains("href=\"#categoryOptionCombo\"")
                && bad.body().contains("href=\"#indicator\""), bad.body());
        assertTrue(bad.body().contains("Enter the data element&#39;s UID: 11 letters and digits"), bad.body());
        assertTrue(bad.body().contains("value=\"../../x\""), "the form keeps what was typed");
        Page org = Forms.post(manager, "/admin/dhis2/org-units", "orgUnit", "", "agency", "");
        assertEquals(400, org.status());
        assertTrue(org.body().contains("href=\"#orgUnit\"") && org.body().contains("href=\"#agency\""), org.body());
        assertEquals(java.util.List.of(), indicators.writes(), "nothing written");
        Page refused = Forms.post(manager, "/admin/dhis2/data-elements", "dataElement", "f7n9E0hX8qk", "indicator", "NO-SUCH");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("href=\"#indicator\"") && refused.body().contains("Indicator: no indicator NO-SUCH"), refused.body());
    }

    @Test
    void anAgencyUserCannotReachThePage() {
        Browserless lead = new Browserless(http.toBlocking());
        lead.signIn("csc.lead", Browserless.DEMO_PASSWORD);
        assertEquals(403, lead.get("/admin/dhis2").status());
    }
}
