package uk.org.quadrant.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import uk.org.quadrant.gateway.admin.BootstrapManagerCommand;

import java.util.Map;

/**
 * The gateway: sign-in, token issuer, user directory and the pages people see.
 *
 * <p>The annotations below head the OpenAPI 3 document of the gateway's own JSON routes (the token, the JWKS,
 * {@code /api/v1/me}; the HTML pages are left out in openapi.properties), written at compile time and served at
 * {@code /openapi/gateway.json}. Each operation's security requirement comes from its {@code @Secured}, as in
 * the services.
 */
@OpenAPIDefinition(
        info = @Info(title = "gateway", version = "v1",
                description = "Sign-in for API clients: a bearer token for a username and password, the key that "
                        + "signs it, and who the token says you are. The services' APIs are reached through the "
                        + "gateway: /api/{service}/v1/... is that service's /api/v1/..."))
@SecurityScheme(name = Application.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    /** The OpenAPI security scheme's name: the token from {@code POST /api/v1/auth/token} in {@code Authorization: Bearer}. */
    public static final String BEARER = "bearer";

    public static void main(String[] args) {
        if (args.length > 0 && BootstrapManagerCommand.NAME.equals(args[0])) {
            // A one-off command (k8s/ops/bootstrap-manager-job.yaml): no HTTP server, then exit.
            System.exit(BootstrapManagerCommand.run(System.getenv(), Map.of(), System.out));
        }
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
