package uk.org.quadrant.gateway.faults;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.gateway.Application;
import uk.org.quadrant.gateway.support.Browserless;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, finding 4: a crowd signing in at once cannot run the gateway out of heap. The gateway runs
 * in a JVM of its own with the heap {@code scripts/run-local.sh} gives it (-Xmx256m, same flags), and
 * 150 sign-ins, good and bad, through the form and the token API, are fired at it together. Each
 * Argon2id check takes 19 MiB; unbounded, two dozen of them gave HTTP 500 "Java heap space". Now every
 * answer is the one the credentials deserve (303/200 good, 401 bad) or a deliberate 503 with
 * {@code Retry-After}; nothing else, no {@code OutOfMemoryError} in the log, {@code /health} UP all
 * along, and once the burst has passed every good user signs in. With -Pmysql the child uses the same
 * MariaDB database as the suite (its schema cleaned, the demo users created).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBurstTest {

    private static final int SIGN_INS = 150;
    private static final List<String> GOOD = List.of("chair", "manager", "csc.lead", "csc.user", "ei.lead", "edu.user", "tvp.lead",
            "oh.user", "ccg.lead", "nps.user", "crc.lead", "ph.user", "vcs.lead");
    private static final List<String> DATASOURCE = List.of("datasources.default.url", "datasources.default.username",
            "datasources.default.password", "datasources.default.driver-class-name");

    private Process gateway;
    private Path dataDir;
    private Path log;
    private int port;
    private int managementPort;
    private HttpClient client;

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("quadrant-burst");
        log = dataDir.resolve("gateway.log");
        port = freePort();
        managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // scripts/run-local.sh's JAVA_OPTS: the heap the finding was confirmed with.
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms32m", "-Xmx256m",
                "-XX:ReservedCodeCacheSize=64m",
                "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.server.port=" + port,
                // Health on a port of its own, as a deployment scrapes it (and whatever port the main config picks).
                "-Dendpoints.all.port=" + managementPort,
                "-Dquadrant.demo-data.enabled=true",
                "-Dquadrant.demo-data.password=" + Browserless.DEMO_PASSWORD,
                // Every attempt comes from 127.0.0.1 and a few accounts: the throttle is not what is tested here.
                "-Dquadrant.auth.throttle.client-block-after=100000",
                "-Dquadrant.auth.throttle.account-free-failures=100000",
                "-Dquadrant.auth.throttle.account-block-after=100000",
                "-Dmicronaut.http.services.indicators.url=http://127.0.0.1:9",
                "-Dmicronaut.http.services.audits.url=http://127.0.0.1:9",
                "-Dmicronaut.http.services.actions.url=http://127.0.0.1:9"));
        for (String key : DATASOURCE) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        if (System.getProperty("datasources.default.url", "").startsWith("jdbc:mariadb:")) {
            // The suite's database: start from a clean schema so the demo users are there with the known password.
            command.add("-Dflyway.datasources.default.clean-schema=true");
            command.add("-Dflyway.datasources.default.clean-disabled=false");
        }
        command.add(Application.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUADRANT_DATA_DIR", dataDir.toString());
        builder.environment().put("QUADRANT_LOG_LEVEL", "WARN");
        gateway = builder.start();

        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setFollowRedirects(false);
        config.setReadTimeout(Duration.ofSeconds(60));
        config.setConnectTimeout(Duration.ofSeconds(10));
        client = HttpClient.create(new URL("http://127.0.0.1:" + port), config);

        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!healthUp()) {
            assertTrue(gateway.isAlive(), () -> "the gateway stopped: " + tail());
            assertTrue(Instant.now().isBefore(deadline), () -> "the gateway did not start: " + tail());
            Thread.sleep(500);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One sign-in and what came of it. */
    record Outcome(String what, int status, String retryAfter) {
    }

    @Test
    void aCrowdSigningInAtOnceGetsAnswersNotOutOfMemoryErrors() throws Exception {
        BlockingHttpClient http = client.toBlocking();
        ExecutorService crowd = Executors.newFixedThreadPool(SIGN_INS);
        CountDownLatch ready = new CountDownLatch(SIGN_INS);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> healthProblems = new ConcurrentLinkedQueue<>();
        AtomicBoolean burstOver = new AtomicBoolean();
        Thread health = new Thread(() -> {
            while (!burstOver.get()) {
                try {
                    if (!healthUp()) {
                        healthProblems.add(Instant.now() + " not UP");
                    }
                    Thread.sleep(250);
                } catch (Exception e) {
                    healthProblems.add(Instant.now() + " " + e);
                }
            }
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < SIGN_INS; i++) {
                int n = i;
                futures.add(crowd.submit(() -> {
                    String user = GOOD.get(n % GOOD.size());
                    ready.countDown();
                    go.await();
                    outcomes.add(switch (n % 4) {
                        case 0 -> form(http, "form good " + user, user, Browserless.DEMO_PASSWORD);
                        case 1 -> token(http, "token good " + user, user, Browserless.DEMO_PASSWORD);
                        case 2 -> n % 8 == 2 ? form(http, "form bad " + user, user, "not-the-password-" + n)
                                : token(http, "token unknown nobody-" + n, "nobody-" + n, "not-the-password");
                        default -> n % 8 == 3 ? token(http, "token bad " + user, user, "not-the-password-" + n)
                                : form(http, "form unknown nobody-" + n, "nobody-" + n, "not-the-password");
                    });
                    return null;
                }));
            }
            assertTrue(ready.await(60, TimeUnit.SECONDS));
            health.start();
            go.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            burstOver.set(true);
            crowd.shutdownNow();
            health.join(30_000);
        }

        List<Outcome> wrong = new ArrayList<>();
        int busy = 0;
        for (Outcome o : outcomes) {
            boolean good = o.what().contains(" good ");
            boolean expected = good ? (o.status() == 200 || o.status() == 303) : o.status() == 401;
            if (o.status() == 503 && o.retryAfter() != null) {
                busy++;
            } else if (!expected) {
                wrong.add(o);
            }
        }
        String summary = SIGN_INS + " sign-ins, " + busy + " deliberately turned away (503 + Retry-After)";
        System.out.println("SignInBurstTest: " + summary);
        assertEquals(SIGN_INS, outcomes.size(), summary);
        assertEquals(List.of(), wrong, () -> summary + "; wrong answers: " + wrong + "\n" + tail());
        assertEquals(List.of(), List.copyOf(healthProblems), () -> "/health during the burst: " + tail());
        String output = Files.readString(log);
        assertFalse(output.contains("OutOfMemoryError") || output.contains("Java heap space"), () -> "out of heap: " + tail());
        assertTrue(gateway.isAlive(), "the gateway is still running");

        // The burst has passed: everyone with the right password gets in, by the form and by the API.
        for (String user : GOOD) {
            Outcome api = token(http, "after token " + user, user, Browserless.DEMO_PASSWORD);
            assertEquals(200, api.status(), () -> api + "\n" + tail());
            Outcome page = form(http, "after form " + user, user, Browserless.DEMO_PASSWORD);
            assertEquals(303, page.status(), () -> page + "\n" + tail());
        }
        assertTrue(healthUp(), "/health after the burst");
    }

    private Outcome token(BlockingHttpClient http, String what, String username, String password) {
        try {
            HttpResponse<String> r = http.exchange(HttpRequest.POST("/api/v1/auth/token", Map.of("username", username, "password", password)),
                    String.class);
            return new Outcome(what, r.code(), r.header("Retry-After"));
        } catch (HttpClientResponseException e) {
            return new Outcome(what, e.getStatus().getCode(), e.getResponse().header("Retry-After"));
        } catch (RuntimeException e) {
            return new Outcome(what + " (" + e + ")", -1, null);
        }
    }

    private Outcome form(BlockingHttpClient http, String what, String username, String password) {
        try {
            return formSignIn(http, what, username, password);
        } catch (RuntimeException e) {
            return new Outcome(what + " (" + e + ")", -1, null);
        }
    }

    private Outcome formSignIn(BlockingHttpClient http, String what, String username, String password) {
        Browserless browser = new Browserless(http);
        Browserless.Page login = browser.get("/login");
        if (login.status() != 200) {
            return new Outcome(what + " (GET /login)", login.status(), null);
        }
        String csrf = browser.csrfTokenFrom(login);
        // Whatever cookies the sign-in page set (the CSRF cookie, by whatever name), sent back with the form.
        var post = HttpRequest.POST("/login", Map.of("username", username, "password", password, "csrfToken", csrf))
                .contentType("application/x-www-form-urlencoded").accept("text/html");
        for (String setCookie : login.setCookies()) {
            String[] nameValue = setCookie.split(";", 2)[0].split("=", 2);
            post.cookie(io.micronaut.http.cookie.Cookie.of(nameValue[0].trim(), nameValue.length > 1 ? nameValue[1] : ""));
        }
        HttpResponse<String> r;
        try {
            r = http.exchange(post, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            r = failed;
        }
        String body = r.getBody(String.class).orElse("");
        if (r.code() == 503 && !body.contains("Too many people are signing in")) {
            return new Outcome(what + " (503 without the sign-in page's message)", r.code(), null);
        }
        return new Outcome(what, r.code(), r.header("Retry-After"));
    }

    private boolean healthUp() {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health"))
                            .timeout(Duration.ofSeconds(20)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            String s = Files.readString(log);
            return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
