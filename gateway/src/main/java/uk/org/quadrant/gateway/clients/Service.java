package uk.org.quadrant.gateway.clients;

import java.util.Locale;
import java.util.Optional;

/** The three services behind the gateway; the id is both the client id in configuration and the API path segment. */
public enum Service {
    INDICATORS, AUDITS, ACTIONS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return id() + "-service";
    }

    /** The service named by an {@code /api/{service}/v1} path segment; exact lower case only. */
    public static Optional<Service> fromId(String id) {
        for (Service s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
