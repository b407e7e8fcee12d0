package uk.org.quadrant.common.testing.support;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** A service test's set-up: a JWKS this test's tokens are signed for, the service pointed at it, and a client. */
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
}
