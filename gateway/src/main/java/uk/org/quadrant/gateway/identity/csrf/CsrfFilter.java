package uk.org.quadrant.gateway.identity.csrf;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import uk.org.quadrant.gateway.identity.tokens.AuthConfiguration;
import uk.org.quadrant.gateway.identity.tokens.SessionIds;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * CSRF protection for every state-changing request a browser could forge. A POST, PUT, PATCH or
 * DELETE whose body is not JSON (JSON cannot be sent cross-site without a CORS preflight, which the
 * gateway never grants) must carry the expected token in a hidden {@code csrfToken} field of its
 * url-encoded or multipart (file upload) form (or an {@code X-CSRF-Token} header), or it is refused
 * with 403 before any route reads the body; any other content type is refused. Pages put the expected token into every form.
 * <ul>
 *   <li>Signed in (the session cookie holds a session token this gateway signed): the token is bound
 *       to the session, {@link CsrfTokens#forSession} of its session id. A token from another session,
 *       or a planted CSRF cookie with its matching field, does not fit.</li>
 *   <li>Before sign-in (the sign-in form): double-submit against a random pre-session cookie
 *       (HttpOnly, SameSite=Strict, {@code __Host-} prefixed when Secure, so no other host can plant it).</li>
 * </ul>
 * One exception: {@value #SIGNED_LINK} (POST), the unsubscribe link of a reminder e-mail, which mail
 * providers post with no cookie and no token (RFC 8058 one-click). Its signed {@code t} is the proof: the
 * route changes nothing unless it carries one this gateway signed for that person and kind
 * (notifications.preferences.SignedUnsubscribeLinks), and all it can do is turn that reminder down.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfFilter implements Ordered {

    static final String FIELD = "csrfToken";
    static final String HEADER = "X-CSRF-Token";
    static final String ATTRIBUTE = "quadrant.csrf.token";
    private static final String NEW_TOKEN = "quadrant.csrf.new";
    /** The one form post a valid CSRF token is not asked of (see above). */
    static final String SIGNED_LINK = "/notifications/unsubscribe";
    private static final Set<HttpMethod> UNSAFE = EnumSet.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private static final CompletableFuture<@Nullable HttpResponse<?>> PROCEED = CompletableFuture.completedFuture(null);

    private final FilterBodyParser bodyParser;
    private final boolean secure;
    private final String sessionCookie;
    private final String csrfCookie;
    private final SessionIds sessionIds;
    private final CsrfTokens tokens;
    private final SecureRandom random = new SecureRandom();

    CsrfFilter(FilterBodyParser bodyParser, AuthConfiguration config, SessionIds sessionIds, CsrfTokens tokens) {
        this.bodyParser = bodyParser;
        this.secure = config.cookieSecure();
        this.sessionCookie = config.cookieName();
        this.csrfCookie = config.csrfCookieName();
        this.sessionIds = sessionIds;
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    /**
     * Runs on the blocking pool and waits for the form body: completing the filter's future later,
     * from the body-parsing thread, made Netty answer some posts with a bare 503.
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    CompletableFuture<@Nullable HttpResponse<?>> check(HttpRequest<?> request) {
        Optional<String> session = request.getCookies().findCookie(sessionCookie).map(Cookie::getValue)
                .filter(v -> !v.isBlank()).flatMap(sessionIds::of);
        Optional<String> cookie = request.getCookies().findCookie(csrfCookie).map(Cookie::getValue).filter(v -> !v.isBlank());
        String expected;
        if (session.isPresent()) {
            expected = tokens.forSession(session.get());
        } else {
            expected = cookie.orElseGet(this::newToken);
            if (cookie.isEmpty()) {
                request.setAttribute(NEW_TOKEN, Boolean.TRUE);
            }
        }
        request.setAttribute(ATTRIBUTE, expected);
        if (!needsCheck(request) || bearerOnly(request) || signedLink(request)) {
            return PROCEED;
        }
        if (session.isEmpty() && cookie.isEmpty()) {
            return refuse();
        }
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            return matches(expected, header) ? PROCEED : refuse();
        }
        MediaType type = request.getContentType().orElse(null);
        Object submitted;
        if (type != null && type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            submitted = bodyParser.parseBody(request).join().get(FIELD);
        } else if (type != null && type.matches(MediaType.MULTIPART_FORM_DATA_TYPE) && request instanceof ServerHttpRequest<?> server) {
            submitted = multipartField(server).orElse(null);
        } else {
            return refuse();
        }
        return submitted != null && matches(expected, submitted.toString()) ? PROCEED : refuse();
    }

    /**
     * The {@code csrfToken} field of a file upload: a copy of the body (bounded by the server's
     * max-request-size) is decoded; the route binds the original, so a file is still read once by its form.
     */
    private static Optional<String> multipartField(ServerHttpRequest<?> request) {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        try (CloseableByteBody copy = request.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
             CloseableAvailableByteBody body = copy.buffer().join()) {
            return MultipartField.read(body.toByteArray(), contentType, FIELD);
        }
    }

    @ResponseFilter
    void issueCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean page = response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (page && Boolean.TRUE.equals(request.getAttribute(NEW_TOKEN, Boolean.class).orElse(false))) {
            request.getAttribute(ATTRIBUTE, String.class).ifPresent(token -> response.cookie(Cookie.of(csrfCookie, token)
                    .path("/").httpOnly(true).secure(secure).sameSite(SameSite.Strict)));
        }
    }

    private static boolean needsCheck(HttpRequest<?> request) {
        if (!UNSAFE.contains(request.getMethod())) {
            return false;
        }
        return request.getContentType()
                .map(type -> !(type.matches(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json")))
                .orElse(true);
    }

    private static boolean signedLink(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.POST && SIGNED_LINK.equals(request.getPath());
    }

    /**
     * An API client sending its own bearer token and no session cookie: a browser cannot be made to
     * send an Authorization header cross-site, so there is nothing to forge.
     */
    private boolean bearerOnly(HttpRequest<?> request) {
        boolean bearer = request.getHeaders().getAuthorization().map(h -> h.startsWith("Bearer ")).orElse(false);
        return bearer && request.getCookies().findCookie(sessionCookie).isEmpty();
    }

    private static boolean matches(String expected, String submitted) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** Rendered by the error processor: an HTML page for a browser, problem+json for a client. */
    private static CompletableFuture<@Nullable HttpResponse<?>> refuse() {
        return CompletableFuture.failedFuture(new HttpStatusException(HttpStatus.FORBIDDEN,
                "This form has expired or did not come from Quadrant. Go back, reload the page and try again."));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
