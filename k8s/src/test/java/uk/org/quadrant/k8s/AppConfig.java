package uk.org.quadrant.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one module's own configuration (src/main/resources/application.yml and application-prod.yml) says
 * a deployment must provide: its port, the variable that moves the management endpoints (health,
 * prometheus) to a port of their own, and the environment variables without a safe production default.
 */
record AppConfig(String module, String portVariable, int defaultPort, String managementPortVariable,
                 Set<String> requiredEnv, List<Set<String>> requiredOneOf) {

    /**
     * Variables whose empty default is right in production too: the settings of the mail transport a
     * deployment does not use (the ConfigMap chooses one, QUADRANT_NOTIFICATIONS_TRANSPORT; the gateway
     * refuses to start when the chosen one lacks a setting, and ManifestsTest checks the base's choice);
     * and the board's meeting dates, which only the partnership knows: none means no chair's pre-meeting
     * digest, never a wrong one (an install sets them in its overlay; docs/operations.md).
     */
    static final Set<String> OPTIONAL = Set.of("QUADRANT_NOTIFY_TEMPLATE_ID", "QUADRANT_BOARD_MEETINGS");

    /** ${NAME:default} or ${NAME:`default`} */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):(?:`([^`]*)`|([^}]*))}");

    static AppConfig load(Path repoRoot, String module) {
        Path resources = repoRoot.resolve(module).resolve("src/main/resources");
        String yml = read(resources.resolve("application.yml"));
        Map<String, Object> config = Yaml.loadAll(yml).get(0);

        Set<String> required = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(yml);
        while (m.find()) {
            String def = m.group(2) != null ? m.group(2) : m.group(3);
            if (unsafeInProduction(def) && !OPTIONAL.contains(m.group(1))) {
                required.add(m.group(1));
            }
        }
        // The embedded H2 is the default database: production must name its own, with credentials.
        Object url = Yaml.at(config, "datasources.default.url");
        if (url != null && String.valueOf(url).startsWith("jdbc:h2:")) {
            required.addAll(List.of("DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD"));
        }
        // Production behaviour (Secure cookies, no demo data, key required) is chosen by the environment name.
        required.add("MICRONAUT_ENVIRONMENTS");

        List<Set<String>> oneOf = new ArrayList<>();
        Path prod = resources.resolve("application-prod.yml");
        if (Files.exists(prod)) {
            Map<String, Object> prodConfig = Yaml.loadAll(read(prod)).get(0);
            if (Boolean.FALSE.equals(Yaml.at(prodConfig, "quadrant.auth.generate-signing-key"))) {
                oneOf.add(Set.of("QUADRANT_AUTH_SIGNING_KEY", "QUADRANT_AUTH_SIGNING_KEY_FILE"));
            }
        }

        Matcher port = PLACEHOLDER.matcher(String.valueOf(Yaml.at(config, "micronaut.server.port")));
        if (!port.matches()) {
            throw new IllegalStateException(module + ": micronaut.server.port is not ${VAR:port}");
        }
        Matcher management = PLACEHOLDER.matcher(String.valueOf(Yaml.at(config, "endpoints.all.port")));
        if (!management.matches()) {
            throw new IllegalStateException(module + ": endpoints.all.port is not ${VAR:} (the management port)");
        }
        return new AppConfig(module, port.group(1), Integer.parseInt(port.group(3).trim()), management.group(1),
                required, oneOf);
    }

    /** A default that points at this machine or a relative path is right for a laptop, wrong in a pod. */
    static boolean unsafeInProduction(String def) {
        String d = def.trim();
        return d.isEmpty() || d.contains("localhost") || d.contains("127.0.0.1") || d.startsWith("./")
                || d.startsWith("../");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
