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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every browser journey shares: a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) started once per class against the test's embedded gateway, a fresh signed-out
 * page before each test, and axe-core run on the pages a test asks for: any WCAG 2.0/2.1/2.2 A or AA
 * violation fails that test. Skipped when {@value #CHROMIUM} or {@value #CHROMEDRIVER} is missing, unless
 * {@code -Dquadrant.browser.required=true}, when it fails instead. Selenium Manager is never used: the
 * driver and browser paths are given, so nothing is downloaded. Subclasses carry {@code @MicronautTest},
 * {@code @TestInstance(PER_CLASS)} and {@code @EnabledIf("...BrowserJourney#browserPresentOrRequired")}.
 */
abstract class BrowserJourney {

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
    protected EmbeddedServer server;

    private Path userDataDir;
    private ChromeDriverService service;
    protected WebDriver driver;
    /** axe reports of the current test: collected so that one page's violations do not hide the next page's. */
    protected final List<String> accessibilityFailures = new ArrayList<>();

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

    // --- helpers ---------------------------------------------------------------------------------

    protected void open(String path) {
        driver.get(url(path));
    }

    protected String url(String path) {
        return server.getURL().toString() + path;
    }

    protected void signIn(String username, String password) {
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

    protected void signOut() {
        WebElement button = driver.findElement(By.xpath("//form[@action='/logout']//button[normalize-space()='Sign out']"));
        button.click();
        waitUntilReplaced(button);
    }

    /**
     * Waits for the page holding {@code element} to be replaced by the next one. ChromeDriver may
     * answer a probe that lands mid-navigation with "Node … does not belong to the document" rather
     * than a stale-element error; both mean the old page is gone.
     */
    protected void waitUntilReplaced(WebElement element) {
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

    protected void waitForPath(String path) {
        waiting().withMessage(() -> "expected path " + path + " but at " + driver.getCurrentUrl()
                        + " (title \"" + driver.getTitle() + "\"), page text:\n" + bodyText())
                .until(d -> {
                    String current = d.getCurrentUrl();
                    String rest = current.substring(server.getURL().toString().length());
                    return rest.equals(path) || rest.startsWith(path + "?");
                });
    }

    protected String bodyText() {
        List<WebElement> bodies = driver.findElements(By.tagName("body"));
        return bodies.isEmpty() ? driver.getPageSource() : bodies.get(0).getText();
    }

    protected String heading() {
        return driver.findElement(By.tagName("h1")).getText().trim();
    }

    protected String accountBar() {
        List<WebElement> bars = driver.findElements(By.cssSelector("[aria-label='Your account']"));
        return bars.isEmpty() ? "" : bars.get(0).getText().replaceAll("\\s+", " ");
    }

    /** A fresh wait each time, so one wait's message never leaks into the next. */
    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    protected JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /**
     * Runs axe-core in the page as it is now. Every WCAG A/AA violation is recorded, rule by rule and node by
     * node, and fails the test once it ends (see {@link #noAccessibilityViolations()}).
     */
    protected void checkAccessibility(String page) {
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
