package uk.org.quadrant.gateway.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import uk.org.quadrant.gateway.identity.mfa.Base32;
import uk.org.quadrant.gateway.identity.mfa.Totp;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: the second factor in a real headless Chromium. An agency lead signs in, sets up an authenticator
 * app (the test reads the key as a person would type it, and computes the code), reads the recovery codes,
 * signs out, signs in again with the password and then a code, and lands on their home page. axe-core checks
 * each new page. Otherwise as {@link SignInJourneyBrowserTest}: sign-in journeys in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
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
class SecondFactorJourneyBrowserTest extends BrowserJourney {

    @Test
    void enrolSignOutAndSignInWithTheCode() {
        open("/login");
        signIn("ei.lead", PASSWORD);
        waitForPath("/agency/EI");

        open("/account/security");
        assertEquals("Sign-in security", heading());
        checkAccessibility("sign-in security (no app)");
        click("Set up an authenticator app");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("totp-key")));
        assertTrue(driver.getCurrentUrl().endsWith("/account/security#set-up"), driver.getCurrentUrl());
        WebElement qr = driver.findElement(By.cssSelector(".quadrant-qr-code svg[role='img']"));
        assertTrue(qr.isDisplayed(), "the QR code is shown");
        String key = driver.findElement(By.id("totp-key")).getText();
        assertTrue(key.matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}"), "the key as text, grouped for typing: " + key);
        checkAccessibility("sign-in security (setting up, QR code and key)");
        byte[] secret = Base32.decode(key);

        long step = Totp.step(Instant.now());
        type("code", Totp.code(secret, step));
        click("Turn on");
        waiting().until(d -> !d.findElements(By.cssSelector(".govuk-panel--confirmation")).isEmpty());
        assertEquals(10, driver.findElements(By.cssSelector("#recovery-codes li")).size(), "ten recovery codes, shown once");
        checkAccessibility("recovery codes");

        open("/agency/EI");
        signOut();
        waitForPath("/login");

        signIn("ei.lead", PASSWORD);
        assertEquals("Enter the code from your authenticator app", heading());
        assertTrue(driver.getCurrentUrl().endsWith("/login"), "no session yet, still at the sign-in address: " + driver.getCurrentUrl());
        assertTrue(driver.manage().getCookieNamed("quadrant_session") == null, "no session cookie before the code");
        checkAccessibility("second step (code)");
        // The code of the next step: the one that confirmed the app is used up, and one step of skew is allowed.
        type("code", Totp.code(secret, Math.max(step, Totp.step(Instant.now())) + 1));
        click("Continue");
        waitForPath("/agency/EI");
        assertFalse(heading().isEmpty() || heading().startsWith("Enter the code"), "the agency home: " + heading());
        assertTrue(accountBar().contains("Signed in as"), "account bar: " + accountBar());
    }

    @Test
    void aWrongCodeIsShownBesideTheField() {
        open("/login");
        signIn("ph.user", PASSWORD);
        waitForPath("/agency/PH");
        open("/account/security");
        click("Set up an authenticator app");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("totp-key")));
        assertTrue(driver.getCurrentUrl().endsWith("/account/security#set-up"), driver.getCurrentUrl());
        String key = driver.findElement(By.id("totp-key")).getText();
        String right = Totp.code(Base32.decode(key), Totp.step(Instant.now()));
        type("code", right.equals("000000") ? "111111" : "000000");
        click("Turn on");
        WebElement summary = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        assertTrue(summary.getText().contains("The code is not right"), summary.getText());
        assertTrue(driver.getTitle().startsWith("Error: "), driver.getTitle());
        assertTrue(driver.findElement(By.id("code-error")).getText().contains("The code is not right"));
        checkAccessibility("sign-in security (wrong code)");
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void click(String buttonText) {
        WebElement button = driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']"));
        button.click();
        waitUntilReplaced(button);
    }

    // --- helpers ---------------------------------------------------------------------------------

}
