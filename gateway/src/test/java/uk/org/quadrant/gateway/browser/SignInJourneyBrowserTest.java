package uk.org.quadrant.gateway.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in journeys in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * with axe-core run inside the browser on each page reached: any WCAG 2.0/2.1/2.2 A or AA violation fails.
 * <p>
 * Skipped when {@value #CHROMIUM} or {@value #CHROMEDRIVER} is missing, unless
 * {@code -Dquadrant.browser.required=true}, when it fails instead. Selenium Manager is never used:
 * the driver and browser paths are given, so nothing is downloaded.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "uk.org.quadrant.gateway.browser.BrowserJourney#browserPresentOrRequired",
        disabledReason = "/usr/bin/chromium or /usr/bin/chromedriver missing (apt-get install chromium chromium-driver; -Dquadrant.browser.required=true fails instead)")
class SignInJourneyBrowserTest extends BrowserJourney {

    @Test
    void boardChairSignsInToBoardHomeAndSignsOut() {
        open("/login");
        assertEquals("Sign in – Quadrant", driver.getTitle());
        checkAccessibility("sign-in page (empty)");

        signIn("chair", PASSWORD);
        waitForPath("/board");
        assertEquals("Board home", heading());
        assertTrue(accountBar().contains("Signed in as Board chair"), "account bar: " + accountBar());
        List<WebElement> agencyLinks = driver.findElements(By.cssSelector("ul.quadrant-agency-list a[href^='/agency/']"));
        assertFalse(agencyLinks.isEmpty(), "the board home lists the partner agencies");
        checkAccessibility("board home");

        signOut();
        waitForPath("/login");
        assertTrue(driver.getCurrentUrl().endsWith("/login?signedOut=true"), driver.getCurrentUrl());
        String banner = driver.findElement(By.cssSelector(".govuk-notification-banner--success")).getText();
        assertTrue(banner.contains("You have signed out."), "banner: " + banner);
        assertTrue(driver.findElements(By.xpath("//button[normalize-space()='Sign out']")).isEmpty(),
                "no Sign out button once signed out");

        open("/board");
        waitForPath("/login");
    }

    @Test
    void agencyUserLandsOnOwnAgencyAndCannotSeeAnother() {
        open("/login");
        signIn("tvp.user", PASSWORD);
        waitForPath("/agency/TVP");
        assertEquals("Thames Valley Police", heading());
        assertTrue(accountBar().contains("Signed in as"), "account bar: " + accountBar());
        checkAccessibility("agency home (TVP, own agency)");

        open("/agency/CSC");
        assertEquals("Page not found", heading());
        String body = driver.findElement(By.tagName("body")).getText();
        assertFalse(body.contains("Social Care"), "the 404 must not reveal the other agency's area: " + body);

        open("/board");
        assertFalse("Board home".equals(heading()), "an agency user must not reach the board home");

        open("/agency/TVP");
        signOut();
        waitForPath("/login");
    }

    @Test
    void wrongPasswordShowsErrorSummaryAndKeepsUsername() {
        open("/login");
        signIn("chair", "not-the-password");
        WebElement summary = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        assertTrue(summary.getText().contains("There is a problem"), summary.getText());
        assertTrue(summary.getText().contains("Enter a correct username and password"), summary.getText());
        assertEquals("chair", driver.findElement(By.id("username")).getDomProperty("value"));
        assertEquals("", driver.findElement(By.id("password")).getDomProperty("value"));
        assertTrue(driver.getTitle().startsWith("Error: "), "title: " + driver.getTitle());
        // govuk-frontend's ErrorSummary moves focus to the summary once its JS has initialised.
        waiting().withMessage("govuk-frontend should focus the error summary")
                .until(d -> Boolean.TRUE.equals(js().executeScript(
                        "return document.activeElement !== null && document.activeElement.classList.contains('govuk-error-summary');")));
        checkAccessibility("sign-in page (with errors)");

        // The summary's link takes the user to the field in error.
        summary.findElement(By.linkText("Enter a correct username and password")).click();
        waiting().withMessage("the error link should focus #username")
                .until(d -> "username".equals(js().executeScript("return document.activeElement && document.activeElement.id;")));
    }

}
