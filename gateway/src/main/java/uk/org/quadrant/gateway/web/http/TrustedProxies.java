package uk.org.quadrant.gateway.web.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The proxies whose forwarding headers are believed: a comma-separated list of addresses and CIDR ranges. */
record TrustedProxies(List<Range> ranges) {

    /** An address range: the network's bytes and how many leading bits must match. */
    record Range(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((a[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Fails fast on a value that is not an address or a range, so a typo cannot trust everyone or no one silently. */
    static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String item : list == null ? new String[0] : list.split(",")) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            String[] parts = s.split("/", 2);
            Optional<InetAddress> address = ForwardedChain.ipLiteral(parts[0].trim());
            if (address.isEmpty()) {
                throw new IllegalArgumentException("quadrant.http.trusted-proxies: not an IP address or CIDR range: " + s);
            }
            byte[] bytes = address.get().getAddress();
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : bytes.length * 8;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("quadrant.http.trusted-proxies: bad prefix length in " + s);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("quadrant.http.trusted-proxies: bad prefix length in " + s);
            }
            ranges.add(new Range(bytes, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean contains(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }
}
