package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.client.OauthClient;
import io.micronaut.security.oauth2.routes.DefaultOauthController;
import io.micronaut.security.oauth2.routes.OauthController;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import uk.org.quadrant.gateway.identity.tokens.SessionCookies;
import uk.org.quadrant.gateway.identity.tokens.TokenIssuer;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The code flow with one configured provider, in place of the library's controller (one per client,
 * at the library's routes {@code GET /oauth/login/<name>} and {@code GET|POST /oauth/callback/<name>}).
 * The library builds the authorization request (state, nonce and PKCE in short-lived cookies) and, on
 * the callback, checks the state, exchanges the code and verifies the ID token (signature by the
 * provider's keys, issuer, audience, expiry, nonce). What it does not do is decided here: who the
 * person is in Quadrant ({@link ProviderAccountMatcher}), and the session, which is the gateway's own,
 * exactly as the password sign-in gives it. Any failure is a page saying so, never the library's
 * redirect or a stack trace; the reason is in the log.
 */
@EachBean(OauthClient.class)
@Replaces(DefaultOauthController.class)
class AgencyProviderController implements OauthController {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyProviderController.class);

    private final OauthClient client;
    private final ProviderAccountMatcher matcher;
    private final IdentityProviders providers;
    private final TokenIssuer issuer;
    private final SessionCookies cookies;
    private final Scheduler blocking;

    AgencyProviderController(@Parameter OauthClient client, ProviderAccountMatcher matcher, IdentityProviders providers,
                             TokenIssuer issuer, SessionCookies cookies,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.client = client;
        this.matcher = matcher;
        this.providers = providers;
        this.issuer = issuer;
        this.cookies = cookies;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public OauthClient getClient() {
        return client;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> login(HttpRequest<?> request) {
        return Mono.defer(() -> Mono.from(client.authorizationRedirect(request)))
                .onErrorResume(e -> {
                    LOG.warn("Sign-in through {} could not start: {}", client.getName(), e.toString());
                    return Mono.just(refused(HttpStatus.SERVICE_UNAVAILABLE, "unavailable"));
                });
    }

    @Override
    public Publisher<MutableHttpResponse<?>> callback(HttpRequest<Map<String, Object>> request) {
        return Flux.defer(() -> client.onCallback(request))
                .next()
                .publishOn(blocking)
                .map(this::signIn)
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    // The library answers nothing when the ID token fails its checks (issuer, audience, signature, nonce, expiry).
                    LOG.warn("Sign-in through {} refused: the provider's ID token did not pass verification", client.getName());
                    return refused(HttpStatus.UNAUTHORIZED, "unverified");
                }))
                .onErrorResume(e -> {
                    LOG.warn("Sign-in through {} refused: {}", client.getName(), e.toString());
                    return Mono.just(refused(HttpStatus.UNAUTHORIZED, "unverified"));
                });
    }

    private MutableHttpResponse<?> signIn(AuthenticationResponse response) {
        if (!response.isAuthenticated() || response.getAuthentication().isEmpty()) {
            LOG.warn("Sign-in through {} refused: {}", client.getName(), response.getMessage().orElse("not authenticated"));
            return refused(HttpStatus.UNAUTHORIZED, "unverified");
        }
        ProviderIdentity who = ProviderIdentity.of(response.getAuthentication().get());
        ProviderAccountMatcher.Outcome outcome = matcher.match(who);
        if (outcome instanceof ProviderAccountMatcher.Outcome.SignedIn signedIn) {
            return HttpResponse.seeOther(URI.create("/")).cookie(cookies.signedIn(issuer.issueProviderSession(signedIn.user(), client.getName())));
        }
        ProviderAccountMatcher.Refusal why = ((ProviderAccountMatcher.Outcome.Refused) outcome).why();
        return refused(HttpStatus.FORBIDDEN, switch (why) {
            case NO_ACCOUNT -> "no-account";
            case DISABLED -> "disabled";
            case WEAK_SIGN_IN -> "weak";
        });
    }

    private MutableHttpResponse<?> refused(HttpStatus status, String reason) {
        Map<String, Object> model = new HashMap<>();
        model.put("provider", providers.named(client.getName()).map(IdentityProviders.Provider::displayName).orElse(client.getName()));
        model.put("reason", reason);
        return HttpResponse.status(status).body(new ModelAndView<>("federation/refused", model));
    }
}
