package uk.org.quadrant.gateway.web.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the hops of an {@code X-Forwarded-For} or RFC 7239 {@code Forwarded} chain, and picks the
 * client from them. Parsing never looks a name up: only IP literals are addresses.
 */
final class ForwardedChain {

    /** At most this many hops are read from the right; a longer chain is the client's own padding. */
    private static final int MAX_HOPS = 32;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    /** RFC 7239 section 6.3: an obfuscated identifier. */
    private static final Pattern OBFUSCATED = Pattern.compile("_[A-Za-z0-9._-]{1,64}");

    /** One hop: an address, an obfuscated identifier ({@code _hidden}), or nothing usable ({@code unknown}, garbage). */
    record Hop(InetAddress address, String identifier) {
        static final Hop NOTHING = new Hop(null, null);
    }

    private ForwardedChain() {
    }

    /**
     * The client: the right-most hop that is not a trusted proxy. A hop that is unknown or unreadable
     * ends the walk at the last trusted proxy seen (it cannot say who stood before it); a chain of
     * trusted proxies only is the left-most of them; an empty chain is the peer.
     */
    static String client(InetAddress peer, List<Hop> hops, TrustedProxies trusted) {
        InetAddress last = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            if (hop.address() != null) {
                if (!trusted.contains(hop.address())) {
                    return hop.address().getHostAddress();
                }
                last = hop.address();
            } else if (hop.identifier() != null) {
                return hop.identifier();
            } else {
                break;
            }
        }
        return last.getHostAddress();
    }

    /** {@code X-Forwarded-For: client, proxy1, proxy2}, over any number of header lines. */
    static List<Hop> xForwardedFor(List<String> headerValues) {
        List<Hop> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String item : value.split(",")) {
                hops.add(node(item.trim()));
            }
        }
        return tail(hops);
    }

    /** {@code Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::17]:4711"}: the {@code for} of each element. */
    static List<Hop> forwarded(List<String> headerValues) {
        List<Hop> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String element : split(value, ',')) {
                String forValue = null;
                for (String pair : split(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("for")) {
                        forValue = unquote(pair.substring(eq + 1).trim());
                    }
                }
                if (forValue != null) {
                    hops.add(node(forValue));
                } else if (!element.isBlank()) {
                    hops.add(Hop.NOTHING);
                }
            }
        }
        return tail(hops);
    }

    private static List<Hop> tail(List<Hop> hops) {
        return hops.size() > MAX_HOPS ? hops.subList(hops.size() - MAX_HOPS, hops.size()) : hops;
    }

    /** A node: {@code 192.0.2.60}, {@code 192.0.2.60:8080}, {@code [2001:db8::17]:4711}, {@code 2001:db8::17}, {@code _hidden}, {@code unknown}. */
    static Hop node(String raw) {
        String s = raw.trim();
        String host;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || (close + 1 < s.length() && s.charAt(close + 1) != ':')) {
                return Hop.NOTHING;
            }
            host = s.substring(1, close);
            return ipLiteral(host).map(a -> new Hop(a, null)).orElse(Hop.NOTHING);
        }
        int colons = s.length() - s.replace(":", "").length();
        host = colons == 1 ? s.substring(0, s.indexOf(':')) : s;
        if (OBFUSCATED.matcher(host).matches()) {
            return new Hop(null, host);
        }
        if (colons > 1) {
            return ipLiteral(host).map(a -> new Hop(a, null)).orElse(Hop.NOTHING);
        }
        return IPV4.matcher(host).matches() ? ipLiteral(host).map(a -> new Hop(a, null)).orElse(Hop.NOTHING) : Hop.NOTHING;
    }

    /** An IPv4 or IPv6 literal, never a name (so never a DNS lookup). */
    static Optional<InetAddress> ipLiteral(String s) {
        try {
            var v4 = IPV4.matcher(s);
            if (v4.matches()) {
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    b[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(b));
            }
            if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches() && (s.charAt(0) == ':' || Character.digit(s.charAt(0), 16) >= 0)) {
                // Starting with a hex digit or a colon and holding a colon, it is parsed as an IPv6 literal or refused: never resolved.
                return Optional.of(InetAddress.getByName(s));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Splits on {@code separator} outside quoted strings. */
    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    c = v.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return v;
    }
}
