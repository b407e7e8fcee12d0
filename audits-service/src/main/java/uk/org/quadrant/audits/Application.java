package uk.org.quadrant.audits;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * audits-service: audits and reviews, graded cases, findings, themes and Section 11 self-assessments.
 *
 * <p>The annotations below head its OpenAPI 3 document, which micronaut-openapi writes at compile time from the
 * controllers (openapi.properties) and the service serves at {@code /openapi/audits-service.json}. Each operation's
 * security requirement is derived from its {@code @Secured}: this bearer scheme, with the roles it admits (none
 * listed: any signed-in caller); an anonymous route has none. No global requirement, which anonymous routes
 * would inherit. The two routes every service takes from service-common (who am I, the change log) are
 * included by name, since the processor sees only this module's own controllers.
 */
@OpenAPIDefinition(
        info = @Info(title = "audits-service", version = "v1",
                description = "Multi-agency case audits: the audit programme,"
                        + " cases and their grading, findings, themes, Section 11 self-assessments and the read log."
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
