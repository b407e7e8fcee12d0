package uk.org.quadrant.gateway.identity.tokens;

import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Publishes the public half of the signing key so the services can validate tokens. */
@Controller("/.well-known/jwks.json")
@Secured(SecurityRule.IS_ANONYMOUS)
class JwksController {

    private final String jwks;

    JwksController(SigningKeyProvider keys) {
        this.jwks = new JWKSet(keys.publicKey()).toString(true);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> jwks() {
        return HttpResponse.ok(jwks).header("Cache-Control", "public, max-age=300");
    }
}
