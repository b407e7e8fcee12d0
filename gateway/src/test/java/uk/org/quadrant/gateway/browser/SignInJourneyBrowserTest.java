package uk.org.quadrant.gateway.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
@EnabledIf(value = "browserPresentOrRequired",
        disabledReason = "/usr/bin/chromium or /usr/bin/chromedriver missing (apt-get install chromium chromium-driver; -Dquadrant.browser.required=true fails instead)")
class SignInJourneyBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String PASSWORD = "test-password-for-demo-users";
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    /**
     * Debian's Chromium is newer than the CDP versions Selenium ships; the "closest version" warning is noise
     * here (the tests use WebDriver, not CDP). Held statically because java.util.logging keeps loggers weakly.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    @Inject
    EmbeddedServer server;

    private Path userDataDir;
    private ChromeDriverService service;
    private WebDriver driver;
    /** axe reports of the current test: collected so that one page's violations do not hide the next page's. */
    private final List<String> accessibilityFailures = new ArrayList<>();

    static boolean browserPresent() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    /** Evaluated before the application starts, so a machine without the browser skips the class cheaply. */
    static boolean browserPresentOrRequired() {
        return browserPresent() || Boolean.getBoolean("quadrant.browser.required");
    }

    @BeforeAll
    void startBrowser() throws IOException {
        boolean required = Boolean.getBoolean("quadrant.browser.required");
        boolean present = browserPresent();
        if (!present && required) {
            fail("quadrant.browser.required=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(present, "Skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " missing (apt-get install chromium chromium-driver, or -Dquadrant.browser.required=true to fail)");

        // Belt and braces: the explicit paths below already make Selenium skip Selenium Manager.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        System.setProperty("SE_OFFLINE", "true");
        CDP_VERSION_LOG.setLevel(Level.SEVERE);

        userDataDir = Files.createTempDirectory("quadrant-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1024",
                "--user-data-dir=" + userDataDir.toAbsolutePath());
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (userDataDir != null) {
                try (Stream<Path> paths = Files.walk(userDataDir)) {
                    paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @BeforeEach
    void signedOut() {
        accessibilityFailures.clear();
        open("/login");
        driver.manage().deleteAllCookies();
    }

    @AfterEach
    void noAccessibilityViolations() {
        if (!accessibilityFailures.isEmpty()) {
            fail(String.join("\n\n", accessibilityFailures));
        }
    }

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

    // --- helpers ---------------------------------------------------------------------------------

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return server.getURL().toString() + path;
    }

    private void signIn(String username, String password) {
        WebElement user = driver.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(password);
        WebElement form = driver.findElement(By.cssSelector("form[action='/login']"));
        String csrf = form.findElement(By.name("csrfToken")).getDomProperty("value");
        assertFalse(csrf == null || csrf.isBlank(), "the sign-in form carries a CSRF token");
        driver.findElement(By.xpath("//button[@type='submit' and normalize-space()='Sign in']")).click();
        waitUntilReplaced(user);
    }

    private void signOut() {
        WebElement button = driver.findElement(By.xpath("//form[@action='/logout']//button[normalize-space()='Sign out']"));
        button.click();
        waitUntilReplaced(button);
    }

    /**
     * Waits for the page holding {@code element} to be replaced by the next one. ChromeDriver may
     * answer a probe that lands mid-navigation with "Node … does not belong to the document" rather
     * than a stale-element error; both mean the old page is gone.
     */
    private void waitUntilReplaced(WebElement element) {
        waiting().until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    private void waitForPath(String path) {
        waiting().withMessage(() -> "expected path " + path + " but at " + driver.getCurrentUrl()
                        + " (title \"" + driver.getTitle() + "\"), page text:\n" + bodyText())
                .until(d -> {
                    String current = d.getCurrentUrl();
                    String rest = current.substring(server.getURL().toString().length());
                    return rest.equals(path) || rest.startsWith(path + "?");
                });
    }

    private String bodyText() {
        List<WebElement> bodies = driver.findElements(By.tagName("body"));
        return bodies.isEmpty() ? driver.getPageSource() : bodies.get(0).getText();
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText().trim();
    }

    private String accountBar() {
        List<WebElement> bars = driver.findElements(By.cssSelector("[aria-label='Your account']"));
        return bars.isEmpty() ? "" : bars.get(0).getText().replaceAll("\\s+", " ");
    }

    /** A fresh wait each time, so one wait's message never leaks into the next. */
    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /**
     * Runs axe-core in the page as it is now. Every WCAG A/AA violation is recorded, rule by rule and node by
     * node, and fails the test once it ends (see {@link #noAccessibilityViolations()}).
     */
    private void checkAccessibility(String page) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        if (results.isErrored()) {
            fail("axe-core failed on " + page + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (violations == null || violations.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder()
                .append("axe-core ").append(results.getTestEngine() == null ? "" : results.getTestEngine().getVersion())
                .append(" found ").append(violations.size()).append(" WCAG A/AA violation(s) on ").append(page)
                .append(" (").append(driver.getCurrentUrl()).append("):");
        for (Rule rule : violations) {
            report.append("\n- [").append(rule.getImpact()).append("] ").append(rule.getId()).append(": ").append(rule.getHelp())
                    .append("\n  ").append(rule.getHelpUrl())
                    .append("\n  tags: ").append(rule.getTags());
            for (CheckedNode node : rule.getNodes()) {
                report.append("\n  * ").append(node.getTarget())
                        .append("\n    html: ").append(node.getHtml());
                if (node.getFailureSummary() != null) {
                    report.append("\n    ").append(node.getFailureSummary().replace("\n", "\n    "));
                }
            }
        }
        accessibilityFailures.add(report.toString());
    }
}
