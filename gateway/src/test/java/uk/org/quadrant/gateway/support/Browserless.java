package uk.org.quadrant.gateway.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the gateway the way a browser does, over real HTTP: keeps cookies, reads the CSRF token
 * from the page, posts forms. Redirects are not followed so tests can assert them.
 */
public final class Browserless {

    public static final String DEMO_PASSWORD = "test-password-for-demo-users";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    private final BlockingHttpClient client;
    private final Map<String, String> cookies = new HashMap<>();

    public Browserless(BlockingHttpClient client) {
        this.client = client;
    }

    public Page get(String path) {
        return send(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE));
    }

    public Page postForm(String path, Map<String, String> form) {
        return send(HttpRequest.POST(path, form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE));
    }

    /** Opens the sign-in page, then posts the form with its CSRF token. */
    public Page signIn(String username, String password) {
        String token = csrfTokenFrom(get("/login"));
        return postForm("/login", Map.of("username", username, "password", password, "csrfToken", token));
    }

    public String csrfTokenFrom(Page page) {
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No CSRF field in page: " + page.body());
        }
        return m.group(1);
    }

    /**
     * The CSRF token this browser's forms carry now (signed in: bound to the session), read from the
     * page the start page leads to, as a person would find it.
     */
    public String csrfToken() {
        Page page = get("/");
        for (int hops = 0; hops < 3 && page.location() != null && (page.status() == 302 || page.status() == 303); hops++) {
            page = get(page.location());
        }
        return csrfTokenFrom(page);
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public Page send(MutableHttpRequest<?> request) {
        cookies.forEach((name, value) -> request.cookie(Cookie.of(name, value)));
        HttpResponse<?> response;
        try {
            response = client.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        }
        for (String header : response.getHeaders().getAll("Set-Cookie")) {
            String[] nameValue = header.split(";", 2)[0].split("=", 2);
            boolean expired = header.toLowerCase().contains("max-age=0");
            if (expired || nameValue[1].isEmpty()) {
                cookies.remove(nameValue[0]);
            } else {
                cookies.put(nameValue[0], nameValue[1]);
            }
        }
        return new Page(response.getStatus().getCode(), response.getBody(String.class).orElse(""),
                response.getHeaders().get("Location"), response.getHeaders().getAll("Set-Cookie"),
                response.getContentType().map(Object::toString).orElse(""));
    }

    /** What came back: status, body, redirect target, cookies set. */
    public record Page(int status, String body, String location, java.util.List<String> setCookies, String contentType) {

        public Optional<String> setCookie(String name) {
            return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }
    }
}
