package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.gateway.support.Browserless.Page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: the manager binds an agency to a provider and links a person's subject there, on pages
 * with GOV.UK error summaries naming the field; every change is in the change log. Two providers are
 * configured (their issuers are never called here: the library reads a provider's metadata when a
 * sign-in through it starts).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationAdminPagesTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ChangeLogRepository changes;
    @Inject
    UserAccountRepository users;
    @Inject
    ProviderLinkRepository links;
    @Inject
    FederationAdministration federation;

    Browserless manager;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>();
        for (String name : List.of("nhs", "police")) {
            p.put("micronaut.security.oauth2.clients." + name + ".client-id", "quadrant-" + name);
            p.put("micronaut.security.oauth2.clients." + name + ".client-secret", "secret");
            p.put("micronaut.security.oauth2.clients." + name + ".openid.issuer", "http://127.0.0.1:9/" + name);
        }
        p.put("quadrant.identity-providers.nhs.display-name", "NHS account");
        return p;
    }

    @BeforeEach
    void signIn() {
        manager = new Browserless(http.toBlocking());
        assertEquals(303, manager.signIn("manager", Browserless.DEMO_PASSWORD).status());
    }

    private List<ChangeLogEntry> latest(String entityId, String action) {
        return changes.list(Pageable.from(0, 200, Sort.of(Sort.Order.desc("id")))).stream()
                .filter(e -> e.entityId().equals(entityId) && e.action().equals(action)).toList();
    }

    private Page post(String path, String... kv) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            form.put(kv[i], kv[i + 1]);
        }
        form.put("csrfToken", manager.csrfToken());
        return manager.postForm(path, form);
    }

    @Test
    void theManagerBindsAnAgencyToAProviderAndTheChangeIsLogged() {
        Page page = manager.get("/admin/agencies/OUH/sign-in");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("NHS account (nhs)"), page.body());
        assertTrue(page.body().contains("name=\"csrfToken\""));
        String version = page.body().replaceAll("(?s).*name=\"version\" value=\"([^\"]*)\".*", "$1");

        Page saved = post("/admin/agencies/OUH/sign-in", "provider", "nhs", "passwordSignIn", "true",
                "version", version.startsWith("<") ? "" : version);
        assertEquals(303, saved.status(), saved.toString());
        assertEquals("nhs", federation.signInOf("OUH").provider());
        assertTrue(federation.signInOf("OUH").passwordSignIn());
        ChangeLogEntry entry = latest("OUH", "SIGN_IN").get(0);
        assertEquals("manager", entry.changedBy());
        assertEquals("provider=(none); password-sign-in=true", entry.oldValue());
        assertEquals("provider=nhs; password-sign-in=true", entry.newValue());

        // A form opened before the change cannot write over it.
        Page stale = post("/admin/agencies/OUH/sign-in", "provider", "police", "passwordSignIn", "true", "version", "");
        assertEquals(409, stale.status(), stale.toString());
        assertEquals("nhs", federation.signInOf("OUH").provider());
    }

    @Test
    void anUnknownProviderOrNoWayInIsRefusedNamingTheField() {
        Page unknown = post("/admin/agencies/PH/sign-in", "provider", "<script>alert(1)</script>", "passwordSignIn", "true", "version", "");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("href=\"#provider\""), unknown.body());
        assertTrue(unknown.body().contains("Choose one of the providers listed, or none"));
        assertFalse(unknown.body().contains("<script>alert(1)</script>"), "escaped");

        Page long_ = post("/admin/agencies/PH/sign-in", "provider", "x".repeat(100_000), "passwordSignIn", "true", "version", "");
        assertEquals(400, long_.status());

        Page noWay = post("/admin/agencies/PH/sign-in", "provider", "", "version", "");
        assertEquals(400, noWay.status());
        assertTrue(noWay.body().contains("href=\"#passwordSignIn\""), noWay.body());
        assertEquals(null, federation.signInOf("PH").provider());
        assertTrue(latest("PH", "SIGN_IN").isEmpty(), "nothing saved, nothing logged");

        assertEquals(404, manager.get("/admin/agencies/NOPE/sign-in").status());
        assertEquals(404, manager.get("/admin/agencies/" + "X".repeat(40) + "/sign-in").status());
    }

    @Test
    void theManagerLinksAndUnlinksASubjectAtThePersonsAgencysProvider() {
        federation.bind("YJS", "police", true, federation.signInOf("YJS").version(),
                new uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy("manager", "BOARD"));
        UserAccount person = users.findByUsername("yjs.user").or(() -> users.findByUsername("yjs.lead"))
                .orElseGet(() -> users.listOrderByUsername().stream().filter(u -> u.agencyCode().equals("YJS")).findFirst().orElseThrow());
        String path = "/admin/users/" + person.username() + "/sign-in";

        Page page = manager.get(path);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Link their account at police"), page.body());

        Page empty = post(path, "subject", "");
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("href=\"#subject\""), empty.body());
        Page tooLong = post(path, "subject", "s".repeat(256));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("255 characters or fewer"));
        Page spaces = post(path, "subject", "has a space <b>");
        assertEquals(400, spaces.status());
        assertFalse(spaces.body().contains("<b>"), "escaped");

        // The provider is the agency's: a provider field in the form is ignored.
        Page linked = post(path, "subject", "police-0001", "provider", "nhs");
        assertEquals(303, linked.status(), linked.toString());
        ProviderLink link = links.findByUserIdAndProvider(person.id(), "police").orElseThrow();
        assertEquals("police-0001", link.subject());
        assertEquals("manager", link.linkedBy());
        assertTrue(links.findByUserIdAndProvider(person.id(), "nhs").isEmpty());
        assertEquals("provider=police; subject=police-0001", latest(person.username(), "PROVIDER_LINK").get(0).newValue());
        assertTrue(manager.get(path).body().contains("police-0001"));

        // One subject, one account.
        UserAccount other = users.listOrderByUsername().stream().filter(u -> u.agencyCode().equals("YJS") && !u.id().equals(person.id()))
                .findFirst().orElse(null);
        if (other != null) {
            Page taken = post("/admin/users/" + other.username() + "/sign-in", "subject", "police-0001");
            assertEquals(400, taken.status());
            assertTrue(taken.body().contains("linked to another account"), taken.body());
        }

        Page removed = post(path + "/remove", "provider", "police");
        assertEquals(303, removed.status());
        assertTrue(links.findByUserIdAndProvider(person.id(), "police").isEmpty());
        assertEquals("provider=police; subject=police-0001", latest(person.username(), "PROVIDER_UNLINK").get(0).oldValue());
    }

    @Test
    void aPersonOfAnUnboundAgencyCannotBeLinked() {
        Page refused = post("/admin/users/csc.user/sign-in", "subject", "anything", "provider", "nhs");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("signs in with no provider"), refused.body());
        UserAccount csc = users.findByUsername("csc.user").orElseThrow();
        assertTrue(links.findByUserIdOrderByProvider(csc.id()).isEmpty());
    }

    @Test
    void aProviderThatCannotBeReachedFailsItsOwnButtonOnlyWithAPage() {
        Browserless anonymous = new Browserless(http.toBlocking());
        Page login = anonymous.get("/login");
        assertTrue(login.body().contains("Sign in with NHS account"), login.body());
        assertTrue(login.body().contains("Sign in with police"), login.body());
        Page down = anonymous.get("/oauth/login/nhs");
        assertEquals(503, down.status(), down.toString());
        assertTrue(down.body().contains("NHS account</span> cannot be reached"), down.body());
        assertFalse(down.body().contains("Exception"), down.body());
        assertEquals(404, anonymous.get("/oauth/login/nobody").status(), "only configured providers have routes");
    }

    @Test
    void theAdminPagesLeadToTheSignInSettings() {
        assertTrue(manager.get("/admin/agencies/TVP").body().contains("href=\"/admin/agencies/TVP/sign-in\""));
        assertTrue(manager.get("/admin/users/csc.user").body().contains("href=\"/admin/users/csc.user/sign-in\""));
    }
}
