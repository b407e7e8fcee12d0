package uk.org.quadrant.gateway.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven headless through Debian's chromedriver (never a downloaded browser or
 * Selenium Manager), with axe-core run inside the page: {@link #checkAccessibility(String)} collects
 * serious and critical WCAG 2.2 A/AA violations per page so one page's failures do not hide the next.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final String baseUrl;
    private final Path userDataDir;
    private final ChromeDriverService service;
    final WebDriver driver;
    final List<String> accessibilityFailures = new ArrayList<>();
    final List<String> checkedPages = new ArrayList<>();
    final List<String> reflowFailures = new ArrayList<>();

    static boolean present() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    HeadlessChromium(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        System.setProperty("SE_OFFLINE", "true");
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
        userDataDir = Files.createTempDirectory("quadrant-e2e-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1024", "--user-data-dir=" + userDataDir.toAbsolutePath());
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText().trim();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement button = driver.findElement(By.xpath("//button[@type='submit' and normalize-space()='Sign in']"));
        button.click();
        waitUntilReplaced(button);
    }

    /** Clicks a submit button and waits for the next page. */
    void submit(WebElement button) {
        button.click();
        waitUntilReplaced(button);
    }

    void waitUntilReplaced(WebElement element) {
        waiting().until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
            }
        });
    }

    /** Runs axe-core on the current page; serious or critical WCAG 2.2 A/AA violations are collected. */
    void checkAccessibility(String label) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        checkedPages.add(label + " " + path());
        for (Rule rule : results.getViolations()) {
            String impact = rule.getImpact() == null ? "" : rule.getImpact();
            if (impact.equals("serious") || impact.equals("critical")) {
                StringBuilder s = new StringBuilder(label + " (" + path() + "): " + impact + " " + rule.getId() + " — " + rule.getHelp());
                rule.getNodes().stream().limit(3).forEach(n -> s.append("\n    ").append(n.getTarget()).append(": ").append(n.getFailureSummary()));
                accessibilityFailures.add(s.toString());
            }
        }
    }

    /**
     * WCAG 1.4.10 reflow, which axe cannot see: at 320 CSS px wide the page scrolls only downwards (no
     * horizontal scroll of the whole page). Screenshots at both widths go to target/screenshots/ to look at.
     */
    void checkReflow(String label) throws IOException {
        ChromeDriver chrome = (ChromeDriver) driver;
        screenshot(label + "-desktop");
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 900, "deviceScaleFactor", 1, "mobile", true));
        try {
            driver.navigate().refresh();
            Object width = ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);");
            long scrollWidth = ((Number) width).longValue();
            if (scrollWidth > 320) {
                reflowFailures.add(label + " (" + path() + "): " + scrollWidth + " px wide at 320 px");
            }
            screenshot(label + "-320px");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.navigate().refresh();
        }
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9.-]+", "_") + ".png"), png);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> paths = Files.walk(userDataDir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
