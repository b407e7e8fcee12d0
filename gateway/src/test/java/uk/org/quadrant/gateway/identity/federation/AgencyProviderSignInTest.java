package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: the whole OpenID Connect code flow through the gateway, against a real provider in the test
 * JVM (mock-oauth2-server, three issuers: alpha serves TVP, beta serves OH, gamma serves EDU; CSC is
 * bound to none), over real HTTP with every redirect followed by hand: the gateway's login route, the
 * provider's authorize endpoint, the gateway's callback (which exchanges the code at the provider's
 * token endpoint and verifies the ID token by its keys).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyProviderSignInTest implements TestPropertyProvider {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ChangedBy TEST = new ChangedBy("provider.test", null);

    private final MockOAuth2Server provider = new MockOAuth2Server();
    private final java.net.http.HttpClient raw = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DirectoryAdministration directory;
    @Inject
    FederationAdministration federation;
    @Inject
    UserAccountRepository users;
    @Inject
    ProviderLinkRepository links;
    @Inject
    ChangeLogRepository changes;

    Browserless browser;

    @Override
    public Map<String, String> getProperties() {
        provider.start();
        Map<String, String> p = new HashMap<>();
        for (String name : List.of("alpha", "beta", "gamma")) {
            p.put("micronaut.security.oauth2.clients." + name + ".client-id", "quadrant-" + name);
            p.put("micronaut.security.oauth2.clients." + name + ".client-secret", "secret-" + name);
            p.put("micronaut.security.oauth2.clients." + name + ".openid.issuer", provider.issuerUrl(name).toString());
        }
        p.put("quadrant.identity-providers.alpha.display-name", "Thames Valley Police account");
        p.put("quadrant.identity-providers.gamma.required-acr", "mfa,urn:example:loa:high");
        // As in production for leads: a password sign-in must set up Quadrant's own second factor; a provider
        // sign-in has had the provider's (aLinkedPerson… and aLeadSigningInWithAPassword… below).
        p.put("quadrant.auth.mfa.required-roles", "AGENCY_LEAD");
        return p;
    }

    @BeforeAll
    void bindAgencies() {
        bind("TVP", "alpha", true);
        bind("OH", "beta", true);
        bind("EDU", "gamma", true);
    }

    @AfterAll
    void stopProvider() {
        provider.shutdown();
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browserless(http.toBlocking());
    }

    private void bind(String agency, String name, boolean passwords) {
        AgencySignIn now = federation.signInOf(agency);
        federation.bind(agency, name, passwords, now.version(), TEST);
    }

    private UserAccount account(String agency, Role role, String email) {
        String username = "fed.user" + SEQ.incrementAndGet();
        return directory.addUser(username, "Federated " + username, agency, EnumSet.of(role), email,
                "a-long-enough-password-" + username, TEST);
    }

    /** The provider's next ID token: this subject and these claims, for this audience. */
    private void nextToken(String issuer, String subject, List<String> audience, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, subject, "JWT", audience, claims, 3600));
    }

    private void nextToken(String issuer, String subject, Map<String, Object> claims) {
        nextToken(issuer, subject, List.of("quadrant-" + issuer), claims);
    }

    /** The gateway's login route, then the provider's authorize endpoint: the callback URL it sends the browser to. */
    private URI toProviderAndBack(String name) {
        Page login = browser.get("/oauth/login/" + name);
        assertEquals(302, login.status(), login.toString());
        URI authorize = URI.create(login.location());
        assertTrue(authorize.toString().startsWith(provider.issuerUrl(name).toString()), authorize.toString());
        String query = authorize.getRawQuery();
        assertTrue(query.contains("state=") && query.contains("nonce=") && query.contains("code_challenge="), query);
        try {
            HttpResponse<String> answer = raw.send(java.net.http.HttpRequest.newBuilder(authorize).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, answer.statusCode(), answer.body());
            return URI.create(answer.headers().firstValue("Location").orElseThrow());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Page callback(URI back) {
        return browser.get(back.getRawPath() + "?" + back.getRawQuery());
    }

    private Page signInThrough(String name) {
        return callback(toProviderAndBack(name));
    }

    private String me() {
        Page me = browser.send(HttpRequest.GET("/api/v1/me").accept(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, me.status(), me.toString());
        return me.body();
    }

    private static void assertSignedIn(Page page) {
        assertEquals(303, page.status(), page.toString());
        assertEquals("/", page.location());
        assertTrue(page.setCookie("quadrant_session").isPresent(), page.setCookies().toString());
    }

    private void assertRefused(Page page, int status, String words) {
        assertEquals(status, page.status(), page.toString());
        assertTrue(page.body().contains("You could not be signed in"), page.body());
        assertTrue(page.body().contains(words), page.body());
        assertFalse(page.setCookie("quadrant_session").isPresent(), page.setCookies().toString());
        Page home = browser.get("/");
        assertEquals(303, home.status());
        assertTrue(home.location().startsWith("/login"), home.location());
    }

    private List<ChangeLogEntry> changesOf(String username) {
        return changes.list(Pageable.from(0, 500, Sort.of(Sort.Order.desc("id")))).stream()
                .filter(e -> e.entityId().equals(username)).toList();
    }

    // ---- the journey --------------------------------------------------------------------------------

    @Test
    void aLinkedPersonLandsSignedInWithTheDirectorysAgencyAndRoleNeverTheProvidersClaims() {
        UserAccount lead = account("TVP", Role.AGENCY_LEAD, null);
        federation.link(lead, "alpha", "alpha-subject-" + lead.username(), TEST);
        nextToken("alpha", "alpha-subject-" + lead.username(), Map.of("roles", List.of("BOARD_MANAGER"), "agency", "CSC",
                "groups", List.of("BOARD_MANAGER"), "email", "someone.else@example.org", "email_verified", true));

        assertSignedIn(signInThrough("alpha"));

        String me = me();
        assertTrue(me.contains("\"username\":\"" + lead.username() + "\""), me);
        assertTrue(me.contains("\"agency\":\"TVP\""), me);
        assertTrue(me.contains("\"roles\":[\"AGENCY_LEAD\"]"), me);
        Page home = browser.get("/");
        assertEquals("/agency/TVP", home.location());
        assertTrue(changesOf(lead.username()).stream().anyMatch(e -> e.action().equals("PROVIDER_SIGN_IN")
                && e.newValue().contains("provider=alpha")), "the sign-in is in the change log");
    }

    @Test
    void aLeadSigningInWithAPasswordIsSentToSetUpASecondFactorButNotThroughTheProvider() {
        UserAccount lead = account("TVP", Role.AGENCY_LEAD, null);
        assertEquals(303, browser.signIn(lead.username(), "a-long-enough-password-" + lead.username()).status());
        Page home = browser.get("/");
        assertTrue(home.location().startsWith("/account/security"), "the role requires a second factor: a password alone is not enough: " + home.location());

        newBrowser();
        federation.link(lead, "alpha", "alpha-mfa-" + lead.username(), TEST);
        nextToken("alpha", "alpha-mfa-" + lead.username(), Map.of());
        assertSignedIn(signInThrough("alpha"));
        assertEquals("/agency/TVP", browser.get("/").location(), "the provider's sign-in is its own multi-factor");
        me();
    }

    @Test
    void theSessionIsTheGatewaysOwnAndEndsOnSignOutLikeAPasswordSession() {
        UserAccount user = account("TVP", Role.AGENCY_CONTRIBUTOR, null);
        federation.link(user, "alpha", "sub-" + user.username(), TEST);
        nextToken("alpha", "sub-" + user.username(), Map.of());
        assertSignedIn(signInThrough("alpha"));
        String token = browser.cookie("quadrant_session").orElseThrow();
        assertTrue(token.split("\\.").length == 3, "a JWT");
        String csrf = browser.csrfToken();
        Page out = browser.postForm("/logout", Map.of("csrfToken", csrf));
        assertEquals(303, out.status());
        browser.setCookie("quadrant_session", token);
        Page again = browser.send(HttpRequest.GET("/api/v1/me").accept(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(401, again.status(), "signed out: the old cookie is refused");
    }

    @Test
    void theFirstSignInMatchedOnAVerifiedEmailRecordsTheSubjectLink() {
        UserAccount user = account("TVP", Role.AGENCY_CONTRIBUTOR, "First.Match@tvp.example.org");
        String subject = "first-" + user.username();
        nextToken("alpha", subject, Map.of("email", "first.match@TVP.example.org", "email_verified", true));

        assertSignedIn(signInThrough("alpha"));

        ProviderLink link = links.findByProviderAndSubject("alpha", subject).orElseThrow();
        assertEquals(user.id(), link.userId());
        assertTrue(changesOf(user.username()).stream().anyMatch(e -> e.action().equals("PROVIDER_LINK")
                && e.newValue().contains(subject)), "the link is in the change log");

        // Later the provider's address changes: the link, not the address, finds the account.
        newBrowser();
        nextToken("alpha", subject, Map.of("email", "renamed@tvp.example.org", "email_verified", true));
        assertSignedIn(signInThrough("alpha"));
        assertTrue(me().contains(user.username()));
    }

    @Test
    void anUnverifiedEmailIsNotMatched() {
        UserAccount user = account("TVP", Role.AGENCY_CONTRIBUTOR, "unverified@tvp.example.org");
        nextToken("alpha", "unverified-" + user.username(), Map.of("email", "unverified@tvp.example.org", "email_verified", false));
        assertRefused(signInThrough("alpha"), 403, "Quadrant has no");
        assertTrue(links.findByUserIdAndProvider(user.id(), "alpha").isEmpty());

        newBrowser();
        nextToken("alpha", "unverified-" + user.username(), Map.of("email", "unverified@tvp.example.org"));
        assertRefused(signInThrough("alpha"), 403, "Quadrant has no");
    }

    @Test
    void aProviderUserWithoutADirectoryEntryIsRefusedAndNoAccountIsCreated() {
        long before = users.count();
        nextToken("alpha", "stranger-" + SEQ.incrementAndGet(), Map.of("email", "stranger@tvp.example.org", "email_verified", true,
                "roles", List.of("BOARD_MANAGER")));
        assertRefused(signInThrough("alpha"), 403, "Ask your partnership's business unit to add you");
        assertEquals(before, users.count(), "no just-in-time account");
    }

    @Test
    void anAgencyBoundToOneProviderCannotSignInThroughAnother() {
        UserAccount tvp = account("TVP", Role.AGENCY_LEAD, "bound.to.alpha@tvp.example.org");
        federation.link(tvp, "alpha", "same-subject-" + tvp.username(), TEST);
        // beta (OH's provider) vouches for the same address, and even the same subject id.
        nextToken("beta", "same-subject-" + tvp.username(), Map.of("email", "bound.to.alpha@tvp.example.org", "email_verified", true));
        assertRefused(signInThrough("beta"), 403, "Quadrant has no");
        assertTrue(links.findByUserIdAndProvider(tvp.id(), "beta").isEmpty(), "no link to the other provider");
        assertTrue(changesOf(tvp.username()).stream().noneMatch(e -> e.action().equals("PROVIDER_SIGN_IN")));

        // And a link the manager made at beta does not open it either: TVP is bound to alpha.
        federation.link(tvp, "beta", "beta-sub-" + tvp.username(), TEST);
        newBrowser();
        nextToken("beta", "beta-sub-" + tvp.username(), Map.of());
        assertRefused(signInThrough("beta"), 403, "Quadrant has no");
        assertTrue(changesOf(tvp.username()).stream().anyMatch(e -> e.action().equals("PROVIDER_SIGN_IN_REFUSED")
                && e.newValue().contains("not bound")));
    }

    @Test
    void aPersonOfAnUnboundAgencyCannotSignInThroughAnyProvider() {
        UserAccount csc = account("CSC", Role.AGENCY_CONTRIBUTOR, "csc.person@csc.example.org");
        for (String name : List.of("alpha", "beta")) {
            newBrowser();
            nextToken(name, "csc-" + name + csc.username(), Map.of("email", "csc.person@csc.example.org", "email_verified", true));
            assertRefused(signInThrough(name), 403, "Quadrant has no");
        }
    }

    @Test
    void aDisabledAccountIsRefused() {
        UserAccount user = account("TVP", Role.AGENCY_CONTRIBUTOR, null);
        federation.link(user, "alpha", "disabled-" + user.username(), TEST);
        directory.setEnabled(user.id(), users.findById(user.id()).orElseThrow().version(), false, TEST);
        nextToken("alpha", "disabled-" + user.username(), Map.of());
        assertRefused(signInThrough("alpha"), 403, "Your Quadrant account is turned off");
    }

    // ---- what the library checks, proved through the gateway ---------------------------------------

    @Test
    void aWrongStateIsRefused() {
        // No token is asked for (the state is checked first), so none is queued at the provider.
        URI back = toProviderAndBack("alpha");
        String query = back.getRawQuery().replaceAll("state=[^&]+", "state=" + URLEncoder.encode(
                "{\"nonce\":\"forged\",\"redirectUri\":\"/\"}", StandardCharsets.UTF_8));
        assertRefused(browser.get(back.getRawPath() + "?" + query), 401, "could not be");

        // And the right state from another browser (no state cookie there) is refused too.
        URI other = toProviderAndBack("alpha");
        newBrowser();
        assertRefused(callback(other), 401, "could not be");
    }

    @Test
    void aWrongNonceIsRefused() {
        UserAccount user = account("TVP", Role.AGENCY_CONTRIBUTOR, null);
        federation.link(user, "alpha", "nonce-" + user.username(), TEST);
        nextToken("alpha", "nonce-" + user.username(), Map.of());
        URI back = toProviderAndBack("alpha");
        String nonceCookie = browser.cookie("OPENID_NONCE").orElseThrow(() -> new AssertionError("no nonce cookie"));
        browser.setCookie("OPENID_NONCE", "x" + nonceCookie.substring(1));
        assertRefused(callback(back), 401, "could not be");
    }

    @Test
    void anIdTokenOfAnotherIssuerIsRefused() {
        UserAccount user = account("TVP", Role.AGENCY_CONTRIBUTOR, null);
        federation.link(user, "alpha", "issuer-" + user.username(), TEST);
        nextToken("alpha", "issuer-" + user.username(), Map.of("iss", provider.issuerUrl("beta").toString()));
        assertRefused(signInThrough("alpha"), 401, "could not be");
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        UserAccount user = account("TVP", Role.AGENCY_CONTRIBUTOR, null);
        federation.link(user, "alpha", "audience-" + user.username(), TEST);
        // The ID token is for beta's client (the provider mints it for any audience a claim names).
        nextToken("alpha", "audience-" + user.username(), List.of("quadrant-beta"), Map.of("aud", List.of("quadrant-beta"),
                "azp", "quadrant-beta"));
        assertRefused(signInThrough("alpha"), 401, "could not be");
    }

    @Test
    void aProviderThatRequiresAStrongSignInRefusesAWeakOne() {
        UserAccount user = account("EDU", Role.AGENCY_CONTRIBUTOR, null);
        federation.link(user, "gamma", "acr-" + user.username(), TEST);
        nextToken("gamma", "acr-" + user.username(), Map.of("acr", "pwd"));
        assertRefused(signInThrough("gamma"), 403, "second factor");

        newBrowser();
        nextToken("gamma", "acr-" + user.username(), Map.of("acr", "mfa"));
        assertSignedIn(signInThrough("gamma"));
    }

    @Test
    void anErrorFromTheProviderIsAPageNotAStackTrace() {
        Page login = browser.get("/oauth/login/alpha");
        String state = URLDecoder.decode(URI.create(login.location()).getRawQuery().replaceAll(".*state=([^&]+).*", "$1"),
                StandardCharsets.UTF_8);
        Page page = browser.get("/oauth/callback/alpha?error=access_denied&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        assertRefused(page, 401, "could not be");
        Page noCode = browser.get("/oauth/callback/alpha");
        assertRefused(noCode, 401, "could not be");
    }

    @Test
    void aProvidersKeyNeverSignsTheGatewaysOwnTokens() {
        // A provider (or whoever took it over) signs a token that says it is the gateway's, for the manager.
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "quadrant-gateway");
        claims.put("name", "Board manager");
        claims.put("agency", "BOARD");
        claims.put("roles", List.of("BOARD_MANAGER"));
        claims.put("sva", 0);
        String forged = provider.issueToken("alpha", "manager", new DefaultOAuth2TokenCallback("alpha", "manager", "JWT",
                List.of("quadrant-gateway"), claims, 600)).serialize();
        Page bearer = browser.send(HttpRequest.GET("/api/v1/me").accept(MediaType.APPLICATION_JSON_TYPE).bearerAuth(forged));
        assertEquals(401, bearer.status(), bearer.toString());

        // Nor is the provider's own access token a key to the gateway's API (the library would ask the provider's userinfo).
        String accessToken = provider.issueToken("alpha", "quadrant-alpha", new DefaultOAuth2TokenCallback("alpha", "manager")).serialize();
        Page access = browser.send(HttpRequest.GET("/api/v1/me").accept(MediaType.APPLICATION_JSON_TYPE).bearerAuth(accessToken));
        assertEquals(401, access.status(), access.toString());
        assertFalse(access.body().contains("resource_metadata"), access.toString());

        claims.put("sid", "forged-session");
        String forgedSession = provider.issueToken("alpha", "manager", new DefaultOAuth2TokenCallback("alpha", "manager", "JWT",
                List.of("quadrant-gateway"), claims, 600)).serialize();
        browser.setCookie("quadrant_session", forgedSession);
        Page admin = browser.get("/admin");
        assertEquals(303, admin.status(), admin.toString());
        assertTrue(admin.location().startsWith("/login"), admin.location());
    }

    // ---- passwords, the sign-in page ------------------------------------------------------------------

    @Test
    void theSignInPageOffersEachProvider() {
        Page page = browser.get("/login");
        assertTrue(page.body().contains("Sign in with Thames Valley Police account"), page.body());
        assertTrue(page.body().contains("href=\"/oauth/login/alpha\""), page.body());
        assertTrue(page.body().contains("Sign in with beta"), page.body());
    }

    @Test
    void passwordsStillWorkForABoundAgencyUnlessTurnedOff() {
        UserAccount user = directory.addUser("fed.pwd" + SEQ.incrementAndGet(), "Password person", "OH",
                EnumSet.of(Role.AGENCY_CONTRIBUTOR), null, "a-long-enough-password-1", TEST);
        assertEquals(303, browser.signIn(user.username(), "a-long-enough-password-1").status(), "OH bound to beta, passwords on");
        try {
            bind("OH", "beta", false);
            newBrowser();
            assertEquals(401, browser.signIn(user.username(), "a-long-enough-password-1").status(), "passwords off for OH");
        } finally {
            bind("OH", "beta", true);
        }
    }
}
