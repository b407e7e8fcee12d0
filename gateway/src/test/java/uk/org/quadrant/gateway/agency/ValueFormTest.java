package uk.org.quadrant.gateway.agency;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Request;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entering, saving and submitting an agency's value through indicators-service (a stand-in over real HTTP). */
@MicronautTest
class ValueFormTest extends FormsTestBase {

    static final String FORM = "/agency/CSC/values/MASH-TIMELINESS/2017April";
    static final String VALUES = "/api/v1/indicators/MASH-TIMELINESS/values/2017April";

    @BeforeEach
    void stubs() {
        indicators.on("GET /api/v1/indicators/MASH-TIMELINESS", 200, """
                {"code":"MASH-TIMELINESS","title":"MASH decisions within 24 hours","unit":"PERCENT","frequency":"FINANCIAL_YEAR",
                 "ownerAgency":"CSC","numeratorLabel":"Decisions within 24 hours","denominatorLabel":"All MASH decisions"}""");
        indicators.on("GET " + VALUES + "?agency=CSC", 200, """
                {"indicatorCode":"MASH-TIMELINESS","period":"2017April","agency":"CSC","value":45,"numerator":45,"denominator":100,
                 "comment":"Below target","status":"DRAFT","returnReason":null,"updatedBy":"csc.user","version":3}""");
        indicators.on("PUT " + VALUES, 200, "{\"status\":\"DRAFT\",\"version\":4}");
        indicators.on("POST " + VALUES + "/submit", 200, "{\"status\":\"SUBMITTED\",\"version\":5}");
    }

    @Test
    void theFormShowsTheCurrentValues() {
        Page page = signedIn("csc.user").get(FORM);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("MASH decisions within 24 hours"), page.body());
        assertTrue(page.body().contains("value=\"45\""), page.body());
        assertTrue(page.body().contains("Below target</textarea>"), page.body());
        assertTrue(page.body().contains("name=\"version\" value=\"3\""), page.body());
        assertTrue(page.body().contains("Save as draft"));
        assertFalse(page.body().contains("Save and submit"), "only the lead submits");
        assertTrue(page.body().contains("Your agency's lead submits returns to the board"), "the contributor is told who submits");
    }

    @Test
    void aLeadSavesAndSubmitsWithTheirOwnToken() {
        Browserless browser = signedIn("csc.lead");
        Page page = browser.get(FORM);
        assertTrue(page.body().contains("Save and submit"));
        assertTrue(page.body().contains("sends the value to the board manager, who\n            approves it or returns it"), page.body());
        Page posted = browser.postForm(FORM, form(browser, page, "value", "", "numerator", "52", "denominator", "100",
                "comment", "Improving after restructure", "version", "3", "action", "submit", "returnTo", "/agency/CSC"));
        assertEquals(303, posted.status(), posted.body());
        assertEquals("/agency/CSC?notice=VALUE_SUBMITTED", posted.location());
        List<Request> writes = indicators.writes();
        assertEquals(2, writes.size(), writes.toString());
        Request put = writes.get(0);
        assertEquals("PUT", put.method());
        assertEquals(VALUES, put.pathAndQuery());
        assertTrue(put.body().contains("\"agency\":\"CSC\""), put.body());
        assertTrue(put.body().contains("\"numerator\":52"), put.body());
        assertTrue(put.body().contains("\"denominator\":100"), put.body());
        assertTrue(put.body().contains("\"comment\":\"Improving after restructure\""), put.body());
        assertTrue(put.body().contains("\"version\":3"), put.body());
        assertEquals(bearerOf(browser), put.authorization());
        Request submit = writes.get(1);
        assertEquals(VALUES + "/submit", submit.pathAndQuery());
        assertTrue(submit.body().contains("\"version\":4"), "submits the version the save produced: " + submit.body());
        Page home = browser.get(posted.location());
        assertTrue(home.body().contains("Value saved and submitted for approval. The board manager approves it or returns it"),
                home.body());
    }

    @Test
    void aContributorSavesADraftOnly() {
        Browserless browser = signedIn("csc.user");
        Page page = browser.get(FORM);
        Page posted = browser.postForm(FORM, form(browser, page, "value", "47", "comment", "x", "version", "3", "action", "draft"));
        assertEquals(303, posted.status(), posted.body());
        assertEquals("/agency/CSC?notice=VALUE_SAVED_FOR_LEAD", posted.location());
        assertTrue(browser.get(posted.location()).body().contains("Your agency&#39;s lead now sees it as ready to check and submit"),
                "the contributor is told what happens next");
        assertEquals(1, indicators.writes().size());
        Page refused = browser.postForm(FORM, form(browser, page, "value", "47", "version", "3", "action", "submit"));
        assertEquals(403, refused.status(), "a contributor cannot submit");
        assertEquals(1, indicators.writes().size());
    }

    @Test
    void theServicesFieldErrorsShowInlineAndInTheSummary() {
        indicators.on("PUT " + VALUES, 400, problem(400, "Invalid request: 1 field(s) failed validation",
                "denominator", "must be greater than zero"));
        Browserless browser = signedIn("csc.user");
        Page page = browser.get(FORM);
        Page posted = browser.postForm(FORM, form(browser, page, "numerator", "5", "denominator", "0", "comment", "kept",
                "version", "3", "action", "draft"));
        assertEquals(400, posted.status(), posted.body());
        String body = posted.body();
        assertTrue(body.contains("govuk-error-summary"), body);
        assertTrue(body.contains("<a href=\"#denominator\">Denominator must be greater than zero</a>"), body);
        assertTrue(body.contains("id=\"denominator-error\""), body);
        assertTrue(body.contains("govuk-input--error"), body);
        assertTrue(body.contains("kept</textarea>"), "the user's input is kept");
        assertTrue(body.contains("<title>Error: "), body);
    }

    @Test
    void aNumberThatIsNotOneIsCaughtBeforeAnythingIsSent() {
        Browserless browser = signedIn("csc.user");
        Page page = browser.get(FORM);
        Page posted = browser.postForm(FORM, form(browser, page, "value", "forty", "version", "3", "action", "draft"));
        assertEquals(400, posted.status());
        assertTrue(posted.body().contains("Value must be a number, like 45 or 12.5"), posted.body());
        assertEquals(0, indicators.writes().size());
    }

    @Test
    void aConflictShowsTheCurrentValuesAndKeepsTheUsersInput() {
        indicators.on("PUT " + VALUES, 409, problem(409, "Someone else changed this value (now version 4)"));
        Browserless browser = signedIn("csc.user");
        Page page = browser.get(FORM);
        indicators.on("GET " + VALUES + "?agency=CSC", 200, """
                {"indicatorCode":"MASH-TIMELINESS","period":"2017April","agency":"CSC","value":61,"numerator":61,"denominator":100,
                 "comment":"Entered by a colleague","status":"DRAFT","updatedBy":"csc.lead","version":4}""");
        Page posted = browser.postForm(FORM, form(browser, page, "value", "47", "comment", "My own words", "version", "3", "action", "draft"));
        assertEquals(409, posted.status(), posted.body());
        String body = posted.body();
        assertTrue(body.contains("Someone else changed this while you were editing"), body);
        assertTrue(body.contains("Entered by a colleague"), "the current values, re-read: " + body);
        assertTrue(body.contains(">61<"), body);
        assertTrue(body.contains("My own words</textarea>"), "the user's input is kept");
        assertTrue(body.contains("value=\"47\""), body);
        assertTrue(body.contains("name=\"version\" value=\"4\""), "saving again is against the version now saved");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Browserless browser = signedIn("csc.user");
        browser.get(FORM);
        Page posted = browser.postForm(FORM, Map.of("value", "47", "version", "3", "action", "draft"));
        assertEquals(403, posted.status());
        assertTrue(indicators.writes().isEmpty());
    }

    @Test
    void theChairReadsButCannotPost() {
        Browserless browser = signedIn("chair");
        Page page = browser.get(FORM);
        assertEquals(200, page.status(), page.body());
        assertFalse(page.body().contains("Save as draft"), "no write controls for the chair");
        assertTrue(page.body().contains("You can read this value but not change it"), page.body());
        indicators.reset();
        Page posted = browser.postForm(FORM, form(browser, page, "value", "47", "action", "draft"));
        assertEquals(403, posted.status(), posted.body());
        assertTrue(indicators.received().isEmpty(), "refused before any service was asked");
    }

    @Test
    void anotherAgencysFormIsNotFoundAndNothingIsSent() {
        Browserless browser = signedIn("tvp.lead");
        assertEquals(404, browser.get(FORM).status());
        Page own = browser.get("/agency/TVP");
        Page posted = browser.postForm(FORM, form(browser, own, "value", "47", "action", "submit"));
        assertEquals(404, posted.status());
        assertTrue(indicators.writes().isEmpty());
        assertFalse(indicators.received().stream().anyMatch(r -> r.pathAndQuery().contains("MASH-TIMELINESS")), indicators.received().toString());
    }

    @Test
    void theServicesRefusalIsShownAsARefusalPage() {
        indicators.on("PUT " + VALUES, 403, problem(403, "You can only enter your own agency's values"));
        Browserless browser = signedIn("csc.user");
        Page page = browser.get(FORM);
        Page posted = browser.postForm(FORM, form(browser, page, "value", "47", "version", "3", "action", "draft"));
        assertEquals(403, posted.status());
        assertTrue(posted.body().contains("You cannot do that"), posted.body());
        assertTrue(posted.body().contains("You can only enter your own agency&#39;s values"), posted.body());
    }

    @Test
    void aServiceThatFailsTheWriteIsToldPlainlyAndTheWriteIsNotRepeated() {
        indicators.on("PUT " + VALUES, 500, problem(500, "boom"));
        Browserless browser = signedIn("csc.lead");
        Page page = browser.get(FORM);
        Page posted = browser.postForm(FORM, form(browser, page, "value", "47", "comment", "still here", "version", "3", "action", "submit"));
        assertEquals(503, posted.status(), posted.body());
        assertTrue(posted.body().contains("indicators-service did not answer, so we cannot confirm your changes were saved"), posted.body());
        assertTrue(posted.body().contains("still here</textarea>"));
        assertEquals(1, indicators.writes().size(), "sent exactly once: " + indicators.writes());
    }
}
