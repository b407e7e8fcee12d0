package uk.org.quadrant.common.access;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.IpPatternsRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import uk.org.quadrant.common.ServiceOnly;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's service identity (a token {@link Caller#isServiceToken}: role {@value Caller#SERVICE_READER}
 * or claim {@value Caller#SERVICE_CLAIM}) reaches only the reads its service lists in
 * {@value #PROPERTY}, each as {@code "GET <route template>"} exactly as the router prints it
 * ({@code GET /api/v1/indicators/{code}/values/{period}}): the route the router matched decides, so no
 * spelling of a path ({@code //}, {@code ..}, case, encodings) can reach another. Every other route, and
 * every method but GET, is refused (403, problem+json) before any other rule is asked, whatever other roles
 * the token carries. On a listed read the route's own rule still applies (it must admit a signed-in caller).
 * Tokens of people are not this rule's business ({@link SecurityRuleResult#UNKNOWN}).
 */
@Singleton
@ServiceOnly
public class ServiceReaderRule implements SecurityRule<HttpRequest<?>> {

    public static final String PROPERTY = "quadrant.service-reader.reads";
    /** Before every rule of the framework (the first of which is {@link IpPatternsRule}). */
    public static final int ORDER = IpPatternsRule.ORDER - 100;

    private final Set<String> reads;

    ServiceReaderRule(@Property(name = PROPERTY) @Nullable List<String> reads) {
        Set<String> listed = new TreeSet<>();
        for (String read : reads == null ? List.<String>of() : reads) {
            String r = read.trim();
            if (!r.startsWith("GET /") || r.indexOf(' ') != 3 || r.lastIndexOf(' ') != 3) {
                throw new IllegalArgumentException(PROPERTY + ": only reads may be listed, as \"GET <route template>\": '" + read + "'");
            }
            listed.add(r);
        }
        this.reads = Set.copyOf(listed);
    }

    /** The reads listed, as "GET template". */
    public Set<String> reads() {
        return reads;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null || !Caller.isServiceToken(authentication)) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        boolean listed = request.getMethod() == HttpMethod.GET && RouteAttributes.getRouteInfo(request)
                .filter(UriRouteInfo.class::isInstance).map(UriRouteInfo.class::cast)
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate())
                .filter(reads::contains)
                .isPresent();
        return Publishers.just(listed ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED);
    }
}
