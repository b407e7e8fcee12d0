package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import uk.org.quadrant.gateway.identity.csrf.CsrfTokens;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.mfa.Browserless.Res;
import uk.org.quadrant.gateway.identity.tokens.SessionIds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19's "done when": in the {@code prod} configuration a board member's sign-in requires a second factor.
 * The roles are read from {@code application-prod.yml} itself (the rest of prod, a real database and key,
 * is not this test's), so changing that file changes what this test proves.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequiredSecondFactorTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    SecondFactors factors;
    @Inject
    MfaSettings settings;
    @Inject
    SessionIds sessionIds;
    @Inject
    CsrfTokens csrfTokens;

    @SuppressWarnings("unchecked")
    static List<String> prodRequiredRoles() {
        try (InputStream in = RequiredSecondFactorTest.class.getResourceAsStream("/application-prod.yml")) {
            Map<String, Object> yml = new Yaml().load(in);
            Map<String, Object> auth = (Map<String, Object>) ((Map<String, Object>) yml.get("quadrant")).get("auth");
            return (List<String>) ((Map<String, Object>) auth.get("mfa")).get("required-roles");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("quadrant.auth.mfa.required-roles", String.join(",", prodRequiredRoles()));
    }

    @Test
    void prodRequiresItOfTheBoardAndAgencyLeadsNotOfContributors() {
        assertEquals(EnumSet.of(Role.BOARD_MANAGER, Role.BOARD_CHAIR, Role.AGENCY_LEAD), settings.required());
        assertTrue(settings.requiredFor(Set.of(Role.BOARD_CHAIR)));
        assertTrue(!settings.requiredFor(Set.of(Role.AGENCY_CONTRIBUTOR)));
    }

    @Test
    void aBoardMemberWithoutAFactorIsSentToSetOneUpAndGetsNoToken() {
        Browserless http = new Browserless(server.getURL().toString());
        Res signedIn = http.password("chair");
        assertEquals(303, signedIn.status(), signedIn::toString);
        String session = signedIn.session().orElseThrow();

        for (String page : List.of("/", "/board", "/indicators", "/account/reminders")) {
            Res res = http.get(page, session);
            assertEquals(303, res.status(), () -> page + " -> " + res);
            assertEquals("/account/security?notice=SET_UP_FIRST", res.location(), page);
        }
        Res json = http.getJson("/api/v1/me", session);
        assertEquals(403, json.status(), json::toString);
        assertTrue(json.contentType().startsWith("application/problem+json"), json::toString);
        assertTrue(json.body().contains("/account/security"), json::toString);
        Res security = http.get("/account/security?notice=SET_UP_FIRST", session);
        assertEquals(200, security.status(), security::toString);
        assertTrue(security.body().contains("Your role needs a second factor"), security::toString);

        Res token = http.postJson("/api/v1/auth/token", "{\"username\":\"chair\",\"password\":\"" + Browserless.PASSWORD + "\"}");
        assertEquals(403, token.status(), token::toString);
        assertTrue(token.contentType().startsWith("application/problem+json"));
        assertTrue(token.body().contains("set up an authenticator app"), token::toString);

        // Enrolled through the page, the chair reaches the board, and the next sign-in asks for the code.
        String csrf = csrfTokens.forSession(sessionIds.of(session).orElseThrow());
        assertEquals(303, http.post("/account/security/setup", session, csrf).status());
        byte[] secret = Base32.decode(http.get("/account/security", session).text("totp-key"));
        long step = Totp.step(java.time.Instant.now());
        Res confirmed = http.post("/account/security/confirm", session, csrf, "code", Totp.code(secret, step));
        assertEquals(200, confirmed.status(), confirmed::toString);
        Res board = http.get("/board", session);
        assertEquals(200, board.status(), board::toString);
        Res again = http.password("chair");
        assertEquals(200, again.status(), "the code form, not a session: " + again);
        assertTrue(again.session().isEmpty());
    }

    @Test
    void aContributorIsNotAsked() {
        Browserless http = new Browserless(server.getURL().toString());
        String session = http.password("tvp.user").session().orElseThrow();
        assertEquals(200, http.get("/account/reminders", session).status());
        assertEquals(200, http.postJson("/api/v1/auth/token",
                "{\"username\":\"tvp.user\",\"password\":\"" + Browserless.PASSWORD + "\"}").status());
    }

    @Test
    void anAgencyLeadWithoutAFactorIsSentToSetOneUp() {
        Browserless http = new Browserless(server.getURL().toString());
        String session = http.password("csc.lead").session().orElseThrow();
        Res res = http.get("/agency/CSC", session);
        assertEquals(303, res.status(), res::toString);
        assertEquals("/account/security?notice=SET_UP_FIRST", res.location());
        assertEquals(303, http.post("/logout", session, csrfTokens.forSession(sessionIds.of(session).orElseThrow())).status(),
                "sign-out stays open");
    }
}
