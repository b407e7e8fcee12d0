package uk.org.quadrant.gateway;

import io.micronaut.runtime.Micronaut;
import uk.org.quadrant.gateway.admin.BootstrapManagerCommand;

import java.util.Map;

/** The gateway: sign-in, token issuer, user directory and the pages people see. */
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && BootstrapManagerCommand.NAME.equals(args[0])) {
            // A one-off command (k8s/ops/bootstrap-manager-job.yaml): no HTTP server, then exit.
            System.exit(BootstrapManagerCommand.run(System.getenv(), Map.of(), System.out));
        }
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
