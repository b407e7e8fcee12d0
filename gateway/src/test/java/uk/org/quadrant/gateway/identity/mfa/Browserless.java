package uk.org.quadrant.gateway.identity.mfa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's requests by hand (java.net.http, redirects not followed): the pre-session CSRF pair before
 * sign-in, the session cookie and its CSRF token after, form posts and JSON.
 */
final class Browserless {

    static final String PASSWORD = "test-password-for-demo-users";
    static final String CSRF = "second-factor-test-csrf";

    record Res(int status, String location, String body, List<String> setCookies, String contentType) {
        Optional<String> session() {
            return setCookies.stream().filter(c -> c.startsWith("quadrant_session=")).map(c -> c.substring(17, c.indexOf(';')))
                    .filter(v -> !v.isEmpty()).findFirst();
        }

        /** The value of the hidden or text input called {@code name}. */
        String input(String name) {
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no input " + name + " in: " + body);
            }
            return m.group(1).replace("&amp;", "&");
        }

        String text(String id) {
            Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no element #" + id + " in: " + body);
            }
            return m.group(1);
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location) + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Browserless(String base) {
        this.base = base;
    }

    Res get(String path, String session) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").header("Cookie", cookies(session)).GET());
    }

    Res getJson(String path, String session) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").header("Cookie", cookies(session)).GET());
    }

    /** A form post with the CSRF token the gateway expects ({@code csrf}: the session's, or the pre-session pair). */
    Res post(String path, String session, String csrf, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        form.put("csrfToken", csrf == null ? CSRF : csrf);
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies(session))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Res postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The password step: the code form (200) for an account with a factor, a session (303) without. */
    Res password(String username) {
        return post("/login", null, null, "username", username, "password", PASSWORD);
    }

    private static String cookies(String session) {
        return "quadrant_csrf=" + CSRF + (session == null ? "" : "; quadrant_session=" + session);
    }

    private Res send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), r.headers().allValues("Set-Cookie"),
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
