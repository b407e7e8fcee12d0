package uk.org.quadrant.gateway.admin;

import uk.org.quadrant.gateway.web.forms.FormErrors;

import io.micronaut.context.ApplicationContext;
import uk.org.quadrant.gateway.identity.directory.Usernames;
import uk.org.quadrant.gateway.web.forms.FormError;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar gateway.jar bootstrap-manager} (the Kubernetes Job k8s/ops/bootstrap-manager-job.yaml):
 * creates the first board manager of a deployment that has none, then exits without serving HTTP.
 * <p>
 * Reads {@code QUADRANT_BOOTSTRAP_USERNAME}, {@code QUADRANT_BOOTSTRAP_DISPLAY_NAME} and
 * {@code QUADRANT_BOOTSTRAP_PASSWORD}, each either from the variable itself or from the file named by
 * the same variable with {@code _FILE} (a mounted Secret; one trailing line break is dropped). The
 * username and password must pass the admin pages' rules. Connects to the gateway's database as the
 * gateway does (DATASOURCES_DEFAULT_*, Flyway migrates first), never creates demo users, and needs no
 * signing key. Exit status: 0 created; 1 refused because a board manager (or that username) already
 * exists, nothing changed; 2 missing or invalid input, nothing changed; 3 failed (e.g. no database).
 */
public final class BootstrapManagerCommand {

    public static final String NAME = "bootstrap-manager";
    static final String USERNAME = "QUADRANT_BOOTSTRAP_USERNAME";
    static final String DISPLAY_NAME = "QUADRANT_BOOTSTRAP_DISPLAY_NAME";
    static final String PASSWORD = "QUADRANT_BOOTSTRAP_PASSWORD";

    private BootstrapManagerCommand() {
    }

    /**
     * @param env        where the inputs come from (the process environment)
     * @param properties configuration on top of the usual sources (tests point it at their database)
     * @param out        where the outcome is written (standard output: the Job's log)
     */
    public static int run(Map<String, String> env, Map<String, Object> properties, PrintStream out) {
        FormErrors errors = FormErrors.byInputName();
        String username = Usernames.fold(read(env, USERNAME, errors));
        String displayName = read(env, DISPLAY_NAME, errors).trim();
        String password = read(env, PASSWORD, errors);
        if (errors.isEmpty()) {
            UserAdminController.checkUsername(username, errors);
            UserAdminController.checkDisplayName(displayName, errors);
            UserAdminController.checkPassword(password, username, errors);
        }
        if (!errors.isEmpty()) {
            for (FormError e : errors.list()) {
                out.println("bootstrap-manager: refused: " + e.field() + ": " + e.message());
            }
            out.println("bootstrap-manager: nothing was changed.");
            return 2;
        }
        Map<String, Object> config = new HashMap<>(properties);
        // Only the manager from the Secret: never the demo users, whatever the environment says.
        config.put("quadrant.demo-data.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(config)
                .start()) {
            ManagerBootstrap.Outcome outcome = context.getBean(ManagerBootstrap.class)
                    .createFirstManager(username, displayName, password);
            switch (outcome) {
                case CREATED -> {
                    out.println("bootstrap-manager: created board manager " + username
                            + " (recorded in the change log). Sign in, then delete the bootstrap Secret.");
                    return 0;
                }
                case MANAGER_EXISTS -> out.println("bootstrap-manager: refused: a board manager already exists. "
                        + "Nothing was changed; managers add people from Admin > Users.");
                case USERNAME_TAKEN -> out.println("bootstrap-manager: refused: a user called " + username
                        + " already exists. Nothing was changed.");
            }
            return 1;
        } catch (RuntimeException e) {
            out.println("bootstrap-manager: failed: " + e.getMessage());
            return 3;
        }
    }

    /** The variable, or the content of the file named by VARIABLE_FILE; missing or empty is an error. */
    private static String read(Map<String, String> env, String name, FormErrors errors) {
        String value = env.get(name);
        String file = env.get(name + "_FILE");
        if ((value == null || value.isEmpty()) && file != null && !file.isBlank()) {
            try {
                value = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                errors.add(name, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
                return "";
            }
            if (value.endsWith("\n")) {
                value = value.substring(0, value.length() - (value.endsWith("\r\n") ? 2 : 1));
            }
        }
        if (value == null || value.isEmpty()) {
            errors.add(name, "set " + name + " or " + name + "_FILE");
            return "";
        }
        return value;
    }
}
