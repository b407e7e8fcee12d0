package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.support.Browserless;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, finding 3: the throttle and the lookup agree on who a username is. On MySQL/MariaDB the
 * username column's default collation (utf8mb4_unicode_ci) matched {@code mánager} and
 * {@code ｍａｎａｇｅｒ} to {@code manager}, while the throttle counted each spelling apart, so guessing
 * was unlimited. Now a username is folded once (width, case, spaces) to its canonical form, anything
 * outside the admin pages' alphabet names nobody, the column compares byte for byte, and every
 * spelling of an account shares its count. Runs on H2 and, with -Pmysql, on MariaDB, where the bug was.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Property(name = "quadrant.auth.throttle.account-free-failures", value = "10")
@Property(name = "quadrant.auth.throttle.account-block-after", value = "6")
@Property(name = "quadrant.auth.throttle.block-for", value = "PT10M")
class UsernameVariantsTest {

    /** Accented, full-width, upper-case and padded spellings of "manager". */
    static final List<String> VARIANTS = List.of("mánager", "mànager", "mânager", "mänager", "mãnager", "ｍａｎａｇｅｒ",
            "ＭＡＮＡＧＥＲ", "MANAGER", "Manager", " manager ", "manager\u0301", "m\u00e1nager");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    UserAccountRepository users;

    private HttpResponse<String> token(String username, String password) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/token", Map.of("username", username, "password", password)),
                    String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }

    private static String subject(HttpResponse<String> tokenResponse) {
        String body = tokenResponse.body();
        String jwt = body.replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll("(?s).*\"sub\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** (Byte for byte but for trailing spaces: MySQL's _bin collations pad; the gateway trims before it looks up.) */
    @Test
    @Order(1)
    void theDatabaseMatchesAUsernameByteForByte() {
        assertTrue(users.findByUsername("manager").isPresent());
        for (String variant : List.of("mánager", "mànager", "ｍａｎａｇｅｒ", "MANAGER", "Manager")) {
            assertTrue(users.findByUsername(variant).isEmpty(), () -> "the database took '" + variant + "' for manager");
        }
    }

    @Test
    @Order(2)
    void anAccentedSpellingIsNobodyEvenWithTheRightPassword() {
        for (String variant : List.of("mánager", "mànager", "mânager", "manager\u0301")) {
            assertEquals(401, token(variant, Browserless.DEMO_PASSWORD).code(), () -> "'" + variant + "' signed in as manager");
        }
        Browserless.Page form = new Browserless(http.toBlocking()).signIn("mánager", Browserless.DEMO_PASSWORD);
        assertEquals(401, form.status(), "the form: " + form.status());
    }

    /** Runs after the accented attempts (5 failures, counted against manager: they share its count) and clears it. */
    @Test
    @Order(3)
    void widthAndCaseFoldToTheOneAccountItself() {
        for (String variant : List.of("ｍａｎａｇｅｒ", "MANAGER", " Manager ")) {
            HttpResponse<String> r = token(variant, Browserless.DEMO_PASSWORD);
            assertEquals(200, r.code(), () -> "'" + variant + "': " + r.body());
            assertEquals("manager", subject(r), "signed in as the canonical account, never as a second identity");
        }
    }

    @Test
    @Order(4)
    void onceTheAccountIsBlockedEverySpellingOfItIsBlocked() {
        for (int i = 0; i < 6; i++) {
            assertEquals(401, token("manager", "wrong-password-" + i).code());
        }
        assertEquals(429, token("manager", Browserless.DEMO_PASSWORD).code(), "blocked");
        for (String variant : VARIANTS) {
            HttpResponse<String> r = token(variant, Browserless.DEMO_PASSWORD);
            assertEquals(429, r.code(), () -> "'" + variant + "' has a count of its own: " + r.code() + " " + r.body());
        }
        Browserless browser = new Browserless(http.toBlocking());
        for (String variant : List.of("mánager", "ｍａｎａｇｅｒ", "MANAGER")) {
            Browserless.Page page = browser.signIn(variant, Browserless.DEMO_PASSWORD);
            assertEquals(429, page.status(), () -> "the form, '" + variant + "': " + page.status());
        }
    }
}
