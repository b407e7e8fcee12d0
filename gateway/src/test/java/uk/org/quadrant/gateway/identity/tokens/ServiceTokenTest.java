package uk.org.quadrant.gateway.identity.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.identity.directory.Usernames;
import uk.org.quadrant.gateway.support.Browserless;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: the gateway's service token ({@link ServiceTokens}) is for the services alone. At the gateway it
 * signs nobody in, as bearer or as the session cookie, on pages, on {@code /api/v1/**} and on the
 * {@code /api/{service}/v1/**} pass-through (which passes nothing on); the mark of a service token
 * ({@code svc}, or the role SERVICE_READER) on a token that is otherwise a current account's is refused too
 * ({@link SessionRules}). And nobody can obtain one through {@code POST /api/v1/auth/token}: no account can
 * have its subject (the username alphabet) or its role (the {@link Role} enum, which the admin pages keep to).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceTokenTest implements TestPropertyProvider {

    private final ServiceStandIn indicators = new ServiceStandIn().on("/api/v1/submissions", "{\"agencies\":[]}");
    private final ServiceStandIn audits = new ServiceStandIn();
    private final ServiceStandIn actions = new ServiceStandIn().on("/api/v1/actions", "[]");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ServiceTokens serviceTokens;
    @Inject
    SigningKeyProvider keys;
    @Inject
    UserAccountRepository users;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.indicators.url", indicators.url(),
                "micronaut.http.services.audits.url", audits.url(),
                "micronaut.http.services.actions.url", actions.url());
    }

    @AfterAll
    void stop() {
        indicators.close();
        audits.close();
        actions.close();
    }

    @BeforeEach
    void forget() {
        List.of(indicators, audits, actions).forEach(ServiceStandIn::clear);
    }

    private Browserless browser() {
        return new Browserless(http.toBlocking());
    }

    private Browserless.Page withBearer(String method, String path, String token) {
        return browser().send(HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path)
                .accept(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token));
    }

    private List<String> passedOn() {
        List<String> lines = new ArrayList<>();
        List.of(indicators, audits, actions).forEach(s -> s.received().forEach(r -> lines.add(r.line())));
        return lines;
    }

    @Test
    void theTokenIsTheGatewaysServiceIdentity() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(serviceTokens.token()).getJWTClaimsSet();
        assertEquals(ServiceTokens.SUBJECT, claims.getSubject());
        assertEquals(List.of(ServiceTokens.ROLE), claims.getStringListClaim("roles"));
        assertEquals(Boolean.TRUE, claims.getBooleanClaim(ServiceTokens.SERVICE_CLAIM));
        assertNull(claims.getClaim("agency"), "no agency");
        assertNull(claims.getClaim(TokenIssuer.GENERATION), "no session generation");
        assertNull(claims.getClaim(TokenIssuer.SESSION_ID), "no session");
        long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertEquals(ServiceTokens.LIFETIME.toMillis(), lifetime);
    }

    @Test
    void asABearerItSignsNobodyIntoTheGatewaysApiOrPages() {
        String token = serviceTokens.token();
        assertEquals(401, withBearer("GET", "/api/v1/me", token).status());
        for (String page : List.of("/", "/board", "/board/submissions", "/admin/users", "/agency/CSC")) {
            Browserless.Page res = browser().send(HttpRequest.GET(page).accept(MediaType.TEXT_HTML_TYPE).bearerAuth(token));
            assertTrue(res.status() == 401 || (res.status() == 303 || res.status() == 302) && "/login".equals(res.location()),
                    () -> page + " with the service token as bearer -> " + res.status() + " " + res.location());
        }
    }

    @Test
    void asTheSessionCookieItSignsNobodyIn() {
        for (String page : List.of("/", "/board", "/admin/users", "/agency/CSC")) {
            Browserless b = browser();
            b.setCookie("quadrant_session", serviceTokens.token());
            Browserless.Page res = b.get(page);
            assertEquals(303, res.status(), () -> page + ": " + res.body());
            assertEquals("/login", res.location(), page);
        }
    }

    @Test
    void thePassThroughRefusesItAndPassesNothingOn() {
        String token = serviceTokens.token();
        assertEquals(401, withBearer("GET", "/api/indicators/v1/submissions?period=2017April", token).status());
        assertEquals(401, withBearer("GET", "/api/actions/v1/actions", token).status());
        assertEquals(401, withBearer("GET", "/api/audits/v1/audits", token).status());
        assertEquals(401, browser().send(HttpRequest.POST("/api/actions/v1/plans", "{\"title\":\"x\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token)).status());
        assertEquals(List.of(), passedOn(), "the service token is never passed on");
    }

    /** The mark alone refuses: these tokens name a current account (the demo manager) and would otherwise be accepted. */
    @Test
    void theServiceMarkOnAnAccountsTokenIsRefused() throws Exception {
        assertEquals(200, withBearer("GET", "/api/v1/me", sign("manager", List.of("BOARD_MANAGER"), false, null)).status(),
                "control: the same token without the mark");
        assertEquals(401, withBearer("GET", "/api/v1/me", sign("manager", List.of("BOARD_MANAGER"), true, null)).status(), "svc");
        assertEquals(401, withBearer("GET", "/api/v1/me", sign("manager", List.of("BOARD_MANAGER", ServiceTokens.ROLE), false, null))
                .status(), "the role SERVICE_READER");
        assertEquals(401, withBearer("GET", "/api/indicators/v1/submissions?period=2017April",
                sign("manager", List.of("BOARD_MANAGER"), true, null)).status(), "svc on the pass-through");
        assertEquals(List.of(), passedOn());

        Browserless control = browser();
        control.setCookie("quadrant_session", sign("manager", List.of("BOARD_MANAGER"), false, UUID.randomUUID().toString()));
        assertEquals(200, control.get("/admin/users").status(), "control: the same session without the mark");
        for (List<String> roles : List.of(List.of("BOARD_MANAGER"), List.of("BOARD_MANAGER", ServiceTokens.ROLE))) {
            Browserless marked = browser();
            marked.setCookie("quadrant_session", sign("manager", roles, roles.size() == 1, UUID.randomUUID().toString()));
            Browserless.Page res = marked.get("/admin/users");
            assertEquals(303, res.status(), () -> roles + ": " + res.body());
            assertEquals("/login", res.location());
        }
    }

    @Test
    void noAccountCanHaveItsSubjectOrItsRole() {
        assertTrue(Usernames.canonical(ServiceTokens.SUBJECT).isEmpty(), "the subject is outside the username alphabet");
        assertThrows(IllegalArgumentException.class, () -> Role.valueOf(ServiceTokens.ROLE), "SERVICE_READER is no role of a person");
        assertThrows(IllegalArgumentException.class, () -> Role.parse("BOARD_MANAGER," + ServiceTokens.ROLE));
    }

    @Test
    void theTokenApiNeverIssuesIt() throws Exception {
        Browserless.Page refused = browser().send(HttpRequest.POST("/api/v1/auth/token",
                        Map.of("username", ServiceTokens.SUBJECT, "password", Browserless.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(401, refused.status(), refused.body());
        // What it issues to people carries neither mark.
        for (String user : List.of("manager", "chair", "csc.lead", "csc.user")) {
            Map<?, ?> body = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/token",
                    Map.of("username", user, "password", Browserless.DEMO_PASSWORD)), Map.class);
            JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").toString()).getJWTClaimsSet();
            assertNull(claims.getClaim(ServiceTokens.SERVICE_CLAIM), user);
            assertFalse(claims.getStringListClaim("roles").contains(ServiceTokens.ROLE), user);
            assertFalse(claims.getSubject().equals(ServiceTokens.SUBJECT), user);
        }
    }

    @Test
    void theAdminPagesGiveNobodyItsRoleOrItsName() {
        Browserless manager = browser();
        assertEquals(303, manager.signIn("manager", Browserless.DEMO_PASSWORD).status());
        Browserless.Page role = post(manager, "/admin/users", "username", "svc.reader", "displayName", "Reminders",
                "agencyCode", "BOARD", "roles", ServiceTokens.ROLE, "password", "a long enough passphrase");
        assertEquals(400, role.status(), role.body());
        assertTrue(role.body().contains("Choose at least one role from the list"), role.body());
        assertTrue(users.findByUsername("svc.reader").isEmpty(), "no account with the role");

        Browserless.Page name = post(manager, "/admin/users", "username", ServiceTokens.SUBJECT, "displayName", "Reminders",
                "agencyCode", "BOARD", "roles", "BOARD_CHAIR", "password", "a long enough passphrase");
        assertEquals(400, name.status(), name.body());
        assertTrue(users.findByUsername(ServiceTokens.SUBJECT).isEmpty(), "no account with the subject");

        Browserless.Page edit = post(manager, "/admin/users/chair", "displayName", "Board chair", "agencyCode", "BOARD",
                "roles", ServiceTokens.ROLE, "version", "0");
        assertTrue(edit.status() == 400 || edit.status() == 409, () -> "edit: " + edit.status() + " " + edit.body());
        assertFalse(users.findByUsername("chair").orElseThrow().roles().contains(ServiceTokens.ROLE), "the chair keeps the roles it had");
    }

    private static Browserless.Page post(Browserless browser, String path, String... pairs) {
        StringBuilder form = new StringBuilder("csrfToken=").append(enc(browser.csrfToken()));
        for (int i = 0; i < pairs.length; i += 2) {
            form.append('&').append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return browser.send(HttpRequest.POST(path, form.toString())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A token of the gateway's own key for {@code subject}; a session token when {@code sid} is given. */
    private String sign(String subject, List<String> roles, boolean svc, String sid) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer("quadrant-gateway").subject(subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now.minusSeconds(10)))
                .notBeforeTime(Date.from(now.minusSeconds(10))).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("name", subject).claim("agency", "BOARD").claim("roles", roles);
        if (svc) {
            b.claim(ServiceTokens.SERVICE_CLAIM, true);
        }
        if (sid != null) {
            b.claim(TokenIssuer.SESSION_ID, sid);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.privateKey().getKeyID()).build(),
                b.build());
        jwt.sign(new RSASSASigner(keys.privateKey()));
        return jwt.serialize();
    }
}
