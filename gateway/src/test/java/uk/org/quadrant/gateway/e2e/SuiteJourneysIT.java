package uk.org.quadrant.gateway.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End-to-end journeys in a real headless Chromium against the four services started for real from
 * this build's jars, on embedded databases with the demo data. axe-core runs on every page reached;
 * a serious or critical WCAG 2.2 A/AA violation fails the test.
 * <p>
 * Runs in {@code verify} (failsafe). Skipped without Chromium or the jars unless
 * {@code -Dquadrant.browser.required=true}, when it fails instead (CI sets it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteJourneysIT {

    private static final String PASSWORD = RunningSuite.DEMO_PASSWORD;
    private RunningSuite suite;
    private HeadlessChromium browser;
    private GreenMail smtp;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        boolean required = Boolean.getBoolean("quadrant.browser.required");
        boolean ready = HeadlessChromium.present() && RunningSuite.jarsBuilt();
        if (!ready && required) {
            fail("quadrant.browser.required=true but Chromium/chromedriver or the service jars are missing");
        }
        assumeTrue(ready, "Chromium/chromedriver or the jars are missing: skipped");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // Reminders go to a real SMTP server in this JVM; the scheduler is off so one run is the test's own.
        suite = RunningSuite.start(Map.of("QUADRANT_SMTP_HOST", "127.0.0.1",
                "QUADRANT_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()), "QUADRANT_SMTP_TLS", "none",
                "QUADRANT_MAIL_FROM", "Quadrant <quadrant@partnership.example.org>",
                "QUADRANT_BOARD_MEETINGS", "2018-05-21", "QUADRANT_NOTIFICATIONS_SCHEDULED", "false"));
        browser = new HeadlessChromium(suite.gatewayUrl());
    }

    @AfterAll
    void stop() throws IOException {
        if (smtp != null) {
            smtp.stop();
        }
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (suite != null) {
                suite.close();
            }
        }
    }

    @BeforeEach
    void clearFailures() {
        if (browser != null) {
            browser.accessibilityFailures.clear();
            browser.reflowFailures.clear();
        }
    }

    @AfterEach
    void noSeriousAccessibilityViolations() {
        if (browser != null && !browser.accessibilityFailures.isEmpty()) {
            fail(String.join("\n\n", browser.accessibilityFailures));
        }
        if (browser != null && !browser.reflowFailures.isEmpty()) {
            fail("WCAG 1.4.10 reflow: these pages scroll sideways at 320 px\n" + String.join("\n", browser.reflowFailures));
        }
    }

    @Test
    void everyPageOfEveryRoleRendersAndIsAccessible() throws Exception {
        String chairToken = token("chair");
        String planId = firstId(chairToken, "/api/actions/v1/plans");
        String auditId = firstId(chairToken, "/api/audits/v1/audits");

        browser.signIn("chair", PASSWORD);
        for (String page : List.of("/board", "/board?period=2017April", "/agency/CSC", "/indicators", "/indicators/CP-PLANS",
                "/plans", "/plans/" + planId, "/audits", "/audits/" + auditId, "/themes",
                "/reports/learning-and-improvement?year=2017April", "/api-docs", "/api-docs/indicators-service",
                "/benchmarks", "/benchmarks?sort=rank", "/benchmarks/place", "/benchmarks/mappings/CP-PLANS", "/account/reminders")) {
            visit("chair", page);
        }
        for (String page : List.of("/api-docs/actions-service", "/api-docs/audits-service", "/board?period=2019April",
                "/themes/NEGLECT", "/actions/" + firstId(chairToken, "/api/actions/v1/actions?page=0&size=1"))) {
            visit("chair", page);
        }
        browser.open("/admin");
        assertNotEquals("Admin", browser.heading(), "the chair has no admin");

        browser.signIn("manager", PASSWORD);
        // every page of the manager's, the admin pages and their forms included
        for (String page : List.of("/board", "/board/submissions", "/admin", "/admin/changes", "/admin/users", "/admin/users/new",
                "/admin/users/csc.lead", "/admin/users/csc.lead/password", "/admin/agencies", "/admin/agencies/CSC", "/admin/themes",
                "/admin/themes/NEGLECT", "/admin/indicators", "/admin/indicators/new", "/admin/indicators/CP-PLANS",
                "/admin/indicators/CP-PLANS/figures", "/plans/" + planId, "/benchmarks", "/benchmarks/place",
                "/benchmarks/mappings/CP-PLANS", "/account/reminders", "/admin/outbox")) {
            visit("manager", page);
        }

        browser.signIn("csc.lead", PASSWORD);
        for (String page : List.of("/agency/CSC", "/indicators/CP-PLANS", "/themes", "/plans/" + planId, "/audits", "/benchmarks",
                "/account/reminders")) {
            visit("csc.lead", page);
        }
        // every kind of form the task list offers: a value, a progress update, an audit record, a Section 11 standard
        browser.open("/agency/CSC");
        List<String> forms = new java.util.ArrayList<>();
        for (String prefix : List.of("/agency/CSC/values/", "/actions/", "/audits/", "/self-assessment/")) {
            browser.driver.findElements(By.cssSelector("ul.govuk-task-list a[href^='" + prefix + "']")).stream()
                    .map(a -> a.getDomAttribute("href")).findFirst().ifPresent(forms::add);
        }
        assertTrue(forms.size() >= 3, "the task list links to the forms: " + forms);
        for (String form : forms) {
            visit("csc.lead form", form);
            assertFalse(browser.driver.findElements(By.cssSelector("form[method='post'] input[name='csrfToken']")).isEmpty(),
                    form + " carries a CSRF token");
        }
        assertTrue(browser.checkedPages.size() >= 25, browser.checkedPages.toString());
    }

    /**
     * The year's return: the agency lead enters and submits a value from the task list, the manager
     * approves it, and the chair's dashboard shows one more approved return for the agency.
     */
    @Test
    void aLeadSubmitsAValueTheManagerApprovesItAndTheChairSeesTheDashboardChange() {
        browser.signIn("chair", PASSWORD);
        String before = matrixRow("CSC");

        browser.signIn("csc.lead", PASSWORD);
        assertEquals("/agency/CSC", browser.path());
        browser.checkAccessibility("csc.lead task list");
        // a yearly return (2017/18, as at 15 May 2018): the dashboard's matrix is by financial year
        WebElement task = browser.driver.findElements(By.cssSelector("a[href^='/agency/CSC/values/'][href$='/2017April']")).stream()
                .findFirst().orElseThrow(() -> new AssertionError("no value to enter on the task list: " + browser.text()));
        String href = task.getDomAttribute("href");
        String[] parts = href.split("[/?]");
        String indicator = parts[4];
        String period = parts[5];
        task.click();
        browser.waiting().until(d -> browser.path().startsWith("/agency/CSC/values/"));
        browser.checkAccessibility("value form");
        browser.driver.findElement(By.id("value")).sendKeys("42");
        browser.driver.findElement(By.id("comment")).sendKeys("Entered by the end-to-end journey");
        browser.submit(browser.driver.findElement(By.xpath("//button[normalize-space()='Save and submit']")));
        assertTrue(browser.driver.findElements(By.cssSelector(".govuk-notification-banner--success")).size() == 1,
                "a success banner after submitting: " + browser.text());
        browser.checkAccessibility("task list after submitting");

        browser.signIn("manager", PASSWORD);
        browser.open("/board/submissions?period=" + period);
        browser.checkAccessibility("submissions awaiting approval");
        WebElement approve = browser.driver.findElement(By.cssSelector(
                "form[action='/board/submissions/" + indicator + "/" + period + "/CSC/approve'] button"));
        browser.submit(approve);
        String approvedText = browser.text();
        assertTrue(browser.driver.findElements(By.cssSelector(".govuk-notification-banner--success")).size() == 1,
                "approved: " + browser.text());

        browser.signIn("chair", PASSWORD);
        String after = matrixRow("CSC");
        System.out.println("E2E-DEBUG href=" + href + " before=" + before + " after=" + after + " approvedPage=" + approvedText);
        assertNotEquals(before, after, "the chair's dashboard shows the approved return");
        assertEquals(approvedCount(before) + 1, approvedCount(after), before + " -> " + after);
        browser.open("/indicators/" + indicator);
        assertTrue(browser.text().contains("Entered by the end-to-end journey"), "the commentary is on the indicator page");
    }

    private String matrixRow(String agency) {
        browser.open("/board");
        return browser.driver.findElements(By.cssSelector("#panel-submissions ~ table tbody tr, section[aria-labelledby='panel-submissions'] tbody tr"))
                .stream().map(WebElement::getText).filter(t -> t.contains(agency) || t.contains("Children's Social Care"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + agency + " row in the submission matrix: " + browser.text()));
    }

    private static int approvedCount(String row) {
        Matcher m = Pattern.compile("(\\d+) of \\d+ approved").matcher(row);
        int total = 0;
        while (m.find()) {
            total += Integer.parseInt(m.group(1));
        }
        return total;
    }

    @Test
    void anAgencyUserCannotReachAnotherAgencysPagesOrTheBoards() throws Exception {
        browser.signIn("tvp.user", PASSWORD);
        assertEquals("/agency/TVP", browser.path());
        for (String page : List.of("/agency/CSC", "/agency/CSC/values/CP-PLANS/2018April", "/agency/NOSUCH")) {
            browser.open(page);
            assertEquals("Page not found", browser.heading(), page);
            assertFalse(browser.text().contains("Children's Social Care"), page + " must not reveal the other agency");
        }
        browser.open("/board");
        assertNotEquals("Board dashboard", browser.heading());
        browser.open("/reports/learning-and-improvement?year=2017April");
        assertFalse(browser.text().contains("Executive summary"), "the annual report is the board's");
        // the services say the same to the agency's own token, not only the gateway's pages
        HttpResponse<String> other = api(token("tvp.user"), "/api/indicators/v1/indicators/CP-PLANS/values/2017April?agency=CSC");
        assertTrue(other.statusCode() == 404 || other.statusCode() == 403 || !other.body().contains("\"DRAFT\""), other.body());
    }

    @Test
    void theAnnualReportForTheDemoYearHasTheSeedReportsStructureAndFigures() {
        browser.signIn("manager", PASSWORD);
        browser.open("/reports/learning-and-improvement?year=2017April");
        String text = browser.text();
        assertTrue(text.contains("2017/18"), "the year in the users' words");
        List<String> headings = browser.driver.findElements(By.cssSelector("main h2[id], main h3[id]")).stream()
                .map(WebElement::getText).toList();
        int previous = -1;
        for (String section : List.of("Executive summary", "Quantitative", "Qualitative", "Views of practitioners", "Views of young people",
                "Impact", "Actions")) {
            int at = -1;
            for (int i = 0; i < headings.size(); i++) {
                if (headings.get(i).contains(section)) {
                    at = i;
                    break;
                }
            }
            assertTrue(at > previous, section + " in the seed report's order: " + headings);
            previous = at;
        }
        String offTarget = browser.driver.findElements(By.cssSelector("main table tr")).stream().map(WebElement::getText)
                .filter(t -> t.contains("MASH enquiries completed in timescale")).findFirst()
                .orElseThrow(() -> new AssertionError("MASH timeliness (45 % against 75 %) is off target in 2017/18: " + text));
        assertTrue(offTarget.contains("45") && offTarget.contains("75"), offTarget);
        browser.checkAccessibility("annual report");
    }

    /** Opens a page as the signed-in user: it renders, axe finds nothing serious, and at 320 px it does not scroll sideways. */
    private void visit(String who, String page) {
        browser.open(page);
        String h1 = browser.heading();
        assertFalse(h1.equals("Page not found") || h1.startsWith("Sorry") || h1.equals("You cannot do that"),
                who + " " + page + " -> " + h1);
        browser.checkAccessibility(who + " " + page);
        try {
            browser.checkReflow(who + " " + page);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Issue 18's "done when": on the demo data as at 15 May 2018, one run sends each kind of reminder over
     * real SMTP, read from the real services with the gateway's service token; every agency person's mail
     * is about their own agency only; a second run sends nothing; the manager reads them on the outbox page.
     */
    @Test
    void remindersFromTheDemoDataReachTheRightPeopleOnce() throws Exception {
        String manager = token("manager");
        HttpResponse<String> run = post(manager, "/api/v1/notifications/run");
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(run.body().contains("\"unavailable\":[]"), "every service answered the service token: " + run.body());
        int queued = number(run.body(), "queued");
        assertTrue(queued >= 4, run.body());
        assertEquals(queued, number(run.body(), "sent"), run.body());
        assertEquals(0, number(run.body(), "failed"), run.body());
        jakarta.mail.internet.MimeMessage[] mail = smtp.getReceivedMessages();
        assertEquals(queued, mail.length);

        List<String> agencyCodes = List.of("CSC", "EI", "EDU", "TVP", "OH", "OUH", "CCG", "NPS", "CRC", "YJS", "PH", "VCS");
        java.util.Set<String> subjects = new java.util.TreeSet<>();
        for (jakarta.mail.internet.MimeMessage m : mail) {
            String to = m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
            subjects.add(m.getSubject());
            String user = to.substring(0, to.indexOf('@'));
            if (user.contains(".")) {
                String own = user.substring(0, user.indexOf('.')).toUpperCase(java.util.Locale.ROOT);
                String body = m.getSubject() + "\n" + uk.org.quadrant.gateway.notifications.MailParts.text(m);
                for (String other : agencyCodes) {
                    if (!other.equals(own)) {
                        assertFalse(body.contains("/agency/" + other + "/") || body.contains("/agency/" + other + "\n"),
                                to + " got " + other + "'s data: " + body);
                    }
                }
            } else {
                assertTrue(user.equals("manager") || user.equals("chair"), to);
            }
        }
        assertTrue(subjects.stream().anyMatch(s -> s.startsWith("Late: ")), subjects.toString());
        assertTrue(subjects.stream().anyMatch(s -> s.startsWith("Action ")), subjects.toString());
        assertTrue(subjects.contains("Monthly digest: what is outstanding, May 2018"), subjects.toString());
        assertTrue(subjects.contains("Before the board meeting on 21 May 2018: what is outstanding"), subjects.toString());

        HttpResponse<String> again = post(manager, "/api/v1/notifications/run");
        assertEquals(0, number(again.body(), "queued"), again.body());
        assertEquals(queued, smtp.getReceivedMessages().length, "nothing is sent twice");

        browser.signIn("manager", PASSWORD);
        visit("manager", "/admin/outbox");
        assertTrue(browser.driver.getPageSource().contains("Monthly digest"), "the outbox page lists what was sent");
        visit("manager", "/admin/outbox/" + firstId(manager, "/api/v1/notifications/outbox?page=0&size=1"));
    }

    private HttpResponse<String> post(String token, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Integer.parseInt(m.group(1));
    }

    // --- the API through the gateway, as a script would use it -----------------------------------

    private final HttpClient http = HttpClient.newHttpClient();

    private String token(String username) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private HttpResponse<String> api(String token, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private String firstId(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = api(token, path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
        assertTrue(m.find(), path + " has no id: " + r.body());
        return m.group(1);
    }
}
