package uk.org.quadrant.indicators;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * indicators-service: the quantitative quadrant (multi-agency performance dataset).
 *
 * <p>The annotations below head its OpenAPI 3 document, which micronaut-openapi writes at compile time from the
 * controllers (openapi.properties) and the service serves at {@code /openapi/indicators-service.json}. Each operation's
 * security requirement is derived from its {@code @Secured}: this bearer scheme, with the roles it admits (none
 * listed: any signed-in caller); an anonymous route has none. No global requirement, which anonymous routes
 * would inherit.
 */
@OpenAPIDefinition(
        info = @Info(title = "indicators-service", version = "v1",
                description = "The multi-agency performance dataset: indicators,"
                        + " values and their sign-off, baselines, targets, benchmarks, populations, the scorecard and its exports."
                        + " Every call takes the bearer token the gateway issues "
                        + "(POST /api/v1/auth/token); errors are application/problem+json."))
@SecurityScheme(name = Application.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    /** The OpenAPI security scheme's name: the gateway's JWT in {@code Authorization: Bearer}. */
    public static final String BEARER = "bearer";

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
