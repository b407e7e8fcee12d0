package uk.org.quadrant.gateway.identity.accounts;

import java.time.Duration;

/** What a link is for, how long it lasts and the page that takes it. */
enum LinkPurpose {
    INVITATION(Duration.ofDays(7), "/account/invitation"),
    RESET(Duration.ofMinutes(30), "/account/reset-password");

    private final Duration lifetime;
    private final String path;

    LinkPurpose(Duration lifetime, String path) {
        this.lifetime = lifetime;
        this.path = path;
    }

    Duration lifetime() {
        return lifetime;
    }

    String path() {
        return path;
    }
}
