package uk.org.quadrant.gateway.web.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, finding 2: how a forwarding chain is read. The client is the right-most hop that is not a
 * trusted proxy; what a client prepends is never believed; {@code Forwarded} values may be quoted, IPv6
 * in brackets, carry ports, or be obfuscated identifiers. Nothing is ever looked up in DNS.
 */
class ForwardedChainTest {

    private static final TrustedProxies INGRESS = TrustedProxies.parse("10.0.0.0/8, 2001:db8:ffff::/48");
    private static final InetAddress PEER = ForwardedChain.ipLiteral("10.1.2.3").orElseThrow();

    private static String xff(String... headers) {
        return ForwardedChain.client(PEER, ForwardedChain.xForwardedFor(List.of(headers)), INGRESS);
    }

    private static String fwd(String... headers) {
        return ForwardedChain.client(PEER, ForwardedChain.forwarded(List.of(headers)), INGRESS);
    }

    @Test
    void theRightMostUntrustedHopIsTheClientWhateverTheClientPrepended() {
        assertEquals("203.0.113.9", xff("203.0.113.9"));
        assertEquals("203.0.113.9", xff("198.51.100.1, 203.0.113.9"), "a spoofed left part is ignored");
        assertEquals("203.0.113.9", xff("198.51.100.1, 203.0.113.9, 10.9.9.9"), "trusted hops are skipped");
        assertEquals("203.0.113.9", xff("198.51.100.1", "203.0.113.9, 10.9.9.9"), "several header lines are one chain");
        assertEquals("203.0.113.9", xff("203.0.113.9:5678"), "a port is dropped");
        assertEquals("2001:db8:0:0:0:0:0:17", xff("2001:db8::17"), "bare IPv6, normalised");
        assertEquals("2001:db8:0:0:0:0:0:17", xff("[2001:db8::17]:4711"));
        assertEquals("10.8.8.8", xff("10.8.8.8, 10.9.9.9"), "only trusted hops: the left-most of them");
        assertEquals("10.1.2.3", xff(), "no header: the peer");
        assertEquals("10.9.9.9", xff("evil.example.org, 10.9.9.9"), "an unreadable hop ends the walk at the last trusted one");
        assertEquals("10.1.2.3", xff("999.1.1.1"), "not an address");
        assertEquals("10.1.2.3", xff("localhost"), "a name is never resolved");
    }

    @Test
    void forwardedIsParsedAsRfc7239Says() {
        assertEquals("192.0.2.60", fwd("for=192.0.2.60;proto=http;by=203.0.113.43"));
        assertEquals("192.0.2.60", fwd("For=\"192.0.2.60:8080\""), "quoted, with a port, any case");
        assertEquals("2001:db8:cafe:0:0:0:0:17", fwd("for=\"[2001:db8:cafe::17]:4711\""), "IPv6 in brackets with a port");
        assertEquals("2001:db8:cafe:0:0:0:0:17", fwd("for=\"[2001:db8:cafe::17]\""));
        assertEquals("_hidden", fwd("for=_hidden"), "an obfuscated identifier is a client of its own");
        assertEquals("_hidden", fwd("for=\"_hidden:_port\""));
        assertEquals("192.0.2.43", fwd("for=198.51.100.17, for=192.0.2.43"), "the right-most is the one the proxy wrote");
        assertEquals("192.0.2.43", fwd("for=198.51.100.17", "for=192.0.2.43;proto=https, for=10.2.2.2"));
        assertEquals("192.0.2.43", fwd("for=\"198.51.100.17, for=1.1.1.1\", for=192.0.2.43"), "a comma inside quotes is not a separator");
        assertEquals("10.1.2.3", fwd("for=unknown"), "unknown: the proxy that said so");
        assertEquals("10.1.2.3", fwd("proto=https;by=10.0.0.1"), "no for=: the peer");
        assertEquals("10.2.2.2", fwd("for=203.0.113.1, for=unknown, for=10.2.2.2"), "nothing to the left of an unknown hop is believed");
    }

    @Test
    void trustedProxiesAreAddressesAndRanges() {
        TrustedProxies t = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, 192.168.4.0/22, ::1, fd00::/8");
        assertTrue(t.contains(ForwardedChain.ipLiteral("127.0.0.1").orElseThrow()));
        assertTrue(t.contains(ForwardedChain.ipLiteral("10.255.0.1").orElseThrow()));
        assertTrue(t.contains(ForwardedChain.ipLiteral("192.168.7.255").orElseThrow()));
        assertTrue(!t.contains(ForwardedChain.ipLiteral("192.168.8.0").orElseThrow()));
        assertTrue(t.contains(ForwardedChain.ipLiteral("0:0:0:0:0:0:0:1").orElseThrow()));
        assertTrue(t.contains(ForwardedChain.ipLiteral("fd12::1").orElseThrow()));
        assertTrue(!t.contains(ForwardedChain.ipLiteral("127.0.0.2").orElseThrow()));
        assertTrue(TrustedProxies.parse("").isEmpty(), "none by default");
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("ingress-nginx"), "a name is refused, not resolved");
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    }
}
