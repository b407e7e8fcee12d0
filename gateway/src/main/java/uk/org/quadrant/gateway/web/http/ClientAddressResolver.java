package uk.org.quadrant.gateway.web.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

/**
 * The address a request came from, as the sign-in throttle counts it (and anything else that asks
 * Micronaut's {@link HttpClientAddressResolver}). Forwarding headers are believed only when the
 * socket peer is one of {@code quadrant.http.trusted-proxies} (the Ingress controller's addresses;
 * none by default): then the client is the right-most address in the chain that is not itself a
 * trusted proxy, the left part being whatever the client chose to send. Otherwise, and whenever the
 * chain says nothing usable, it is the socket peer. Micronaut's own resolver takes the first
 * {@code X-Forwarded-For}/{@code Forwarded} value from anyone, which let a client pick its own
 * address, reset its count with every request, or block somebody else's.
 *
 * <p>{@code quadrant.http.client-address-header} names the one header the trusted proxy writes:
 * {@code X-Forwarded-For} (ingress-nginx and most others) or {@code Forwarded} (RFC 7239). The other
 * is ignored, since the proxy passes it on from the client untouched.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public class ClientAddressResolver implements HttpClientAddressResolver {

    private final TrustedProxies trusted;
    private final boolean rfc7239;

    ClientAddressResolver(@Value("${quadrant.http.trusted-proxies:}") String trustedProxies,
                          @Value("${quadrant.http.client-address-header:X-Forwarded-For}") String header) {
        this.trusted = TrustedProxies.parse(trustedProxies);
        String h = header.trim().toLowerCase(Locale.ROOT);
        if (!h.equals("x-forwarded-for") && !h.equals("forwarded")) {
            throw new IllegalArgumentException("quadrant.http.client-address-header must be X-Forwarded-For or Forwarded, not " + header);
        }
        this.rfc7239 = h.equals("forwarded");
    }

    @Override
    public String resolve(HttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return remote == null ? null : remote.getHostString();
        }
        if (trusted.isEmpty() || !trusted.contains(peer)) {
            return peer.getHostAddress();
        }
        List<String> values = request.getHeaders().getAll(rfc7239 ? "Forwarded" : "X-Forwarded-For");
        return ForwardedChain.client(peer, rfc7239 ? ForwardedChain.forwarded(values) : ForwardedChain.xForwardedFor(values), trusted);
    }
}
