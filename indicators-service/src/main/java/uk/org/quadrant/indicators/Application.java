package uk.org.quadrant.indicators;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * indicators-service: the quantitative quadrant (multi-agency performance dataset).
 *
 * <p>The annotations below head its OpenAPI 3 document, which micronaut-openapi writes at compile time from the
 * controllers (openapi.properties) and the service serves at {@code /openapi/indicators-service.json}. Each operation's
 * security requirement is derived from its {@code @Secured}: this bearer scheme, with the roles it admits (none
 * listed: any signed-in caller); an anonymous route has none. No global requirement, which anonymous routes
 * would inherit. The two routes every service takes from service-common (who am I, the change log) are
 * included by name, since the processor sees only this module's own controllers.
 */
@OpenAPIDefinition(
        info = @Info(title = "indicators-service", version = "v1",
                description = "The multi-agency performance dataset: indicators,"
                        + " values and their sign-off, baselines, targets, benchmarks, populations, the scorecard and its exports."
                        + " Every call takes the bearer token the gateway issues "
                        + "(POST /api/v1/auth/token); errors are application/problem+json."))
@OpenAPIInclude(classNames = "uk.org.quadrant.common.identity.CallerController", tags = @Tag(name = "identity"))
@OpenAPIInclude(classNames = "uk.org.quadrant.common.changelog.ChangeLogController", tags = @Tag(name = "changelog"))
@SecurityScheme(name = Application.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    /** The OpenAPI security scheme's name: the gateway's JWT in {@code Authorization: Bearer}. */
    public static final String BEARER = "bearer";

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
