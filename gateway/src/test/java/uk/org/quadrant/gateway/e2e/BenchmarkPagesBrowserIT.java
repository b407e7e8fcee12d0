package uk.org.quadrant.gateway.e2e;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.gateway.benchmarks.BenchmarkPagesTest;
import uk.org.quadrant.gateway.benchmarks.StagedVersionsPagesTest;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 16's pages in headless Chromium with figures on them (the demo suite of {@link SuiteJourneysIT} may
 * have nothing imported): axe-core finds no serious or critical WCAG 2.2 A/AA violation, and each page
 * reflows at 320 px (screenshots in target/screenshots/). indicators-service is a stand-in answering what
 * {@code BenchmarkPagesTest}, {@code StagedVersionsPagesTest} and {@code IndicatorPagesTest} answer, plus a
 * refused file for the import's error summary and table. The manager uploads the real children looked after
 * file through the page's file input, checks it and imports it, and approves a staged EES version.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkPagesBrowserIT implements TestPropertyProvider {

    private static final String PASSWORD = "test-password-for-demo-users";

    private final ServiceStandIn indicators = new ServiceStandIn();

    @Inject
    EmbeddedServer server;

    BenchmarkPagesBrowserIT() throws ReflectiveOperationException {
        for (String test : List.of("uk.org.quadrant.gateway.benchmarks.BenchmarkPagesTest",
                "uk.org.quadrant.gateway.browse.indicators.IndicatorPagesTest")) {
            Constructor<?> c = Class.forName(test).getDeclaredConstructor();
            c.setAccessible(true);
            Object instance = c.newInstance();
            Field f = instance.getClass().getDeclaredField("indicators");
            f.setAccessible(true);
            ServiceStandIn borrowed = (ServiceStandIn) f.get(instance);
            borrowed.routes().forEach((route, answer) -> {
                if (!indicators.routes().containsKey(route)) {
                    indicators.on(route, answer);
                }
            });
            borrowed.close();
        }
        // The borrowed import answers a check and an import; a file with "20x4" in it is refused by line and column.
        Function<ServiceStandIn.Request, ServiceStandIn.Answer> accepted = indicators.routes().get("POST /api/v1/benchmarks/import");
        indicators.on("POST /api/v1/benchmarks/import", request -> request.body().contains("20x4") ? ServiceStandIn.Answer.json(400, """
                {"imported":0,"valid":0,"geographies":0,"periods":[],"suppressed":0,"dryRun":true,"changes":null,"importId":null,
                 "errors":[{"row":3,"column":"time_period","reason":"is not a year: 20x4"},{"row":0,"column":null,"reason":"no rate_per_10000 column"}]}""")
                : accepted.apply(request));
        // The staged EES versions of StagedVersionsPagesTest (not its shorter indicator list: the pages above need this one).
        ServiceStandIn staged = StagedVersionsPagesTest.answers(new ServiceStandIn());
        staged.routes().forEach((route, answer) -> {
            if (route.contains("/benchmarks/staged")) {
                indicators.on(route, answer);
            }
        });
        staged.close();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.indicators.url", indicators.url(), "quadrant.downstream.timeout", "PT2S");
    }

    @AfterAll
    void stop() {
        indicators.close();
    }

    @Test
    void thePagesAreAccessibleAndReflowAt320Px() throws Exception {
        assumeTrue(HeadlessChromium.present(), "Chromium/chromedriver missing: skipped");
        try (HeadlessChromium browser = new HeadlessChromium(server.getURL().toString())) {
            browser.signIn("manager", PASSWORD);
            for (String page : List.of("/benchmarks", "/benchmarks?sort=rank", "/benchmarks/place", "/benchmarks/mappings/CLA-RATE",
                    "/indicators/CP-PLANS", "/indicators/BENCH")) {
                browser.open(page);
                browser.checkAccessibility("manager");
                browser.checkReflow("benchmarks manager " + page);
            }
            // A real EES file through the page: chosen, checked (what would change), then imported.
            browser.open("/benchmarks/mappings/CLA-RATE");
            browser.driver.findElement(By.id("file")).sendKeys(BenchmarkPagesTest.SHARED.resolve("cla_number_and_rate_per_10k_children.csv")
                    .toString());
            browser.submit(browser.driver.findElement(By.xpath("//button[@value='check']")));
            assertTrue(browser.text().contains("The check passed") && browser.text().contains("cla_number_and_rate_per_10k_children.csv"),
                    browser.text());
            browser.checkAccessibility("manager, a checked file");
            browser.checkReflow("benchmarks manager checked file");
            browser.submit(browser.driver.findElement(By.xpath("//button[@value='import']")));
            assertTrue(browser.text().contains("Published figures for CLA-RATE imported."), browser.text());
            // A file the service refuses: the error summary and the table by line and column.
            Path refused = Files.createTempFile("refused", ".csv");
            Files.writeString(refused, "time_period\n20x4\n");
            browser.open("/benchmarks/mappings/CLA-RATE");
            browser.driver.findElement(By.id("file")).sendKeys(refused.toString());
            browser.submit(browser.driver.findElement(By.xpath("//button[@value='check']")));
            assertTrue(browser.text().contains("The check found 2 errors"), browser.text());
            browser.checkAccessibility("manager, a refused file");
            browser.checkReflow("benchmarks manager refused file");
            Files.delete(refused);
            // New versions of EES data sets: the list, a check now, an approval.
            browser.open("/benchmarks/staged");
            browser.checkAccessibility("manager, staged versions");
            browser.checkReflow("benchmarks manager staged");
            browser.submit(browser.driver.findElement(By.xpath("//button[normalize-space()='Check for new versions now']")));
            assertTrue(browser.text().contains("Checked 2 data sets"), browser.text());
            browser.checkAccessibility("manager, staged versions checked");
            browser.checkReflow("benchmarks manager staged checked");
            browser.submit(browser.driver.findElement(By.xpath("//form[@action='/benchmarks/staged/7/approve']/button")));
            assertTrue(browser.text().contains("CLA-RATE version 2.1 imported"), browser.text());
            browser.checkAccessibility("manager, staged version approved");
            browser.open("/benchmarks/place");
            browser.driver.findElement(By.id("laCode")).clear();
            browser.driver.findElement(By.id("laCode")).sendKeys("9x");
            browser.submit(browser.driver.findElement(By.xpath("//button[normalize-space()='Save the place']")));
            browser.checkAccessibility("manager, a place that is not a code");
            browser.checkReflow("benchmarks manager place error");
            browser.signIn("chair", PASSWORD);
            for (String page : List.of("/benchmarks/staged", "/benchmarks/mappings/CLA-RATE")) {
                browser.open(page);
                browser.checkAccessibility("chair");
                browser.checkReflow("benchmarks chair " + page);
            }
            browser.signIn("csc.lead", PASSWORD);
            for (String page : List.of("/benchmarks", "/benchmarks/place", "/indicators/CP-PLANS")) {
                browser.open(page);
                browser.checkAccessibility("csc.lead");
                browser.checkReflow("benchmarks csc.lead " + page);
            }
            assertTrue(browser.accessibilityFailures.isEmpty(), String.join("\n\n", browser.accessibilityFailures));
            assertTrue(browser.reflowFailures.isEmpty(), String.join("\n", browser.reflowFailures));
        }
    }
}
