package uk.org.quadrant.common.testing.support;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * A service test's set-up: a JWKS this test's tokens are signed for, the service pointed at it, a client, and
 * a token for each kind of user the tests play.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WithTestTokens implements TestPropertyProvider {

    protected final TestTokens tokens = new TestTokens();

    @Inject
    @Client("/")
    protected HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @AfterAll
    void stopJwks() {
        tokens.close();
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
