package uk.org.quadrant.gateway.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite started for real: the four shaded jars this build produced, each in its own JVM on
 * a free port, on fresh embedded databases with the demo data, wired to each other as in production
 * (services validate tokens against the gateway's JWKS). Used by the end-to-end browser journeys.
 */
final class RunningSuite implements AutoCloseable {

    static final String DEMO_PASSWORD = "e2e-demo-password-2026";
    private static final List<String> MODULES = List.of("indicators-service", "audits-service", "actions-service", "gateway");

    private final Path dataDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> extraEnv = new LinkedHashMap<>();

    private RunningSuite(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The jars of the current build, or why the suite cannot start (e.g. run before {@code package}). */
    static Path jar(String module) {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        return root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }

    static boolean jarsBuilt() {
        return MODULES.stream().allMatch(m -> Files.isRegularFile(jar(m)));
    }

    static RunningSuite start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** @param extraEnv more environment for every JVM (e.g. the SMTP relay the reminders go to) */
    static RunningSuite start(Map<String, String> extraEnv) throws IOException, InterruptedException {
        RunningSuite suite = new RunningSuite(Files.createTempDirectory("quadrant-e2e-"));
        suite.extraEnv.putAll(extraEnv);
        try {
            suite.launch();
            return suite;
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    private void launch() throws IOException, InterruptedException {
        for (String m : MODULES) {
            ports.put(m, freePort());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUADRANT_DATA_DIR", dataDir.toString());
        env.put("QUADRANT_DEMO_PASSWORD", DEMO_PASSWORD);
        env.put("QUADRANT_AS_AT", "2018-05-15");
        env.put("QUADRANT_GATEWAY_PORT", ports.get("gateway").toString());
        env.put("QUADRANT_INDICATORS_PORT", ports.get("indicators-service").toString());
        env.put("QUADRANT_AUDITS_PORT", ports.get("audits-service").toString());
        env.put("QUADRANT_ACTIONS_PORT", ports.get("actions-service").toString());
        env.put("QUADRANT_JWKS_URL", gatewayUrl() + "/.well-known/jwks.json");
        env.put("QUADRANT_INDICATORS_URL", "http://127.0.0.1:" + ports.get("indicators-service"));
        env.put("QUADRANT_AUDITS_URL", "http://127.0.0.1:" + ports.get("audits-service"));
        env.put("QUADRANT_ACTIONS_URL", "http://127.0.0.1:" + ports.get("actions-service"));
        env.putAll(extraEnv);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String m : MODULES) {
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar(m).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve(m + ".log").toFile());
            pb.environment().putAll(env);
            processes.add(pb.start());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        for (String m : MODULES) {
            URI health = URI.create("http://127.0.0.1:" + ports.get(m) + "/health");
            while (true) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline || processes.stream().anyMatch(p -> !p.isAlive())) {
                    throw new IllegalStateException(m + " did not become healthy; its log: " + tail(dataDir.resolve(m + ".log")));
                }
                Thread.sleep(250);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The services' logs, kept under target/e2e-logs for whoever reads a failed build. */
    private void keepLogs() {
        Path target = Path.of(System.getProperty("user.dir"), "target", "e2e-logs");
        try {
            Files.createDirectories(target);
            for (String m : MODULES) {
                Path log = dataDir.resolve(m + ".log");
                if (Files.exists(log)) {
                    Files.copy(log, target.resolve(m + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        keepLogs();
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
