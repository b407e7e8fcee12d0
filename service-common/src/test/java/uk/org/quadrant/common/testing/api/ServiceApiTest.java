package uk.org.quadrant.common.testing.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import uk.org.quadrant.common.testing.support.WithTestTokens;

/**
 * Common ground of a service's black-box API tests: a JWKS standing in for the gateway, tokens for each
 * kind of user, an HTTP client and the {@link Api} helpers on it. Subclasses carry {@code @MicronautTest};
 * a service's own base adds its paths and request bodies.
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

    // Fresh tokens each time: they live five minutes.
    protected String manager() {
        return tokens.board("manager", "BOARD_MANAGER");
    }

    protected String chair() {
        return tokens.board("chair", "BOARD_CHAIR");
    }

    protected String cscUser() {
        return tokens.agencyUser("csc.user", "CSC", "AGENCY_CONTRIBUTOR");
    }

    protected String cscLead() {
        return tokens.agencyUser("csc.lead", "CSC", "AGENCY_LEAD");
    }

    protected String tvpUser() {
        return tokens.agencyUser("tvp.user", "TVP", "AGENCY_CONTRIBUTOR");
    }

    protected String tvpLead() {
        return tokens.agencyUser("tvp.lead", "TVP", "AGENCY_LEAD");
    }

    protected String ohUser() {
        return tokens.agencyUser("oh.user", "OH", "AGENCY_CONTRIBUTOR");
    }
}
