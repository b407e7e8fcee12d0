package uk.org.quadrant.gateway.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import uk.org.quadrant.gateway.support.Browserless;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posts a form the way a browser does, including fields sent more than once (checkboxes). */
final class Forms {

    private Forms() {
    }

    /** {@code post(browser, path, "name", "value", "roles", "A", "roles", "B")}; the page's CSRF token is added. */
    static Browserless.Page post(Browserless browser, String path, String... pairs) {
        return postWithToken(browser, path, browser.csrfToken(), pairs);
    }

    static Browserless.Page postWithToken(Browserless browser, String path, String token, String... pairs) {
        List<String> parts = new ArrayList<>();
        if (token != null) {
            parts.add("csrfToken=" + enc(token));
        }
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
        }
        return browser.send(HttpRequest.POST(path, String.join("&", parts))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }

    /** The value of a hidden field on the page, e.g. {@code version}. */
    static String hidden(Browserless.Page page, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No hidden field " + name + " in " + page.body());
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
