package uk.org.quadrant.common.testing.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import uk.org.quadrant.common.testing.support.WithTestTokens;

/**
 * Common ground of a service's black-box API tests: {@link WithTestTokens} (a JWKS standing in for the
 * gateway, a token for each kind of user, an HTTP client) and the {@link Api} helpers on it. Subclasses
 * carry {@code @MicronautTest}; a service's own base adds its paths and request bodies.
 */
public abstract class ServiceApiTest extends WithTestTokens {

    @Inject
    protected JsonMapper jsonMapper;

    private Api api;

    protected Api api() {
        if (api == null) {
            api = new Api(client, jsonMapper);
        }
        return api;
    }
}
