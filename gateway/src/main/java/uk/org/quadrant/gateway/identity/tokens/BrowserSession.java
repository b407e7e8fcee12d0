package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One browser session ({@code V9__browser_sessions.sql}). {@code sid} is the token's session id and never
 * leaves the gateway; pages name a session by {@code id}. {@code device} is a summary in words
 * ("Chrome on Windows"), never the whole user-agent header.
 */
@MappedEntity("browser_session")
public record BrowserSession(
        @Id @GeneratedValue @Nullable Long id,
        String sid,
        String username,
        Instant startedAt,
        Instant lastSeenAt,
        @Nullable String clientAddress,
        @Nullable String device,
        @Nullable Instant endedAt,
        @Nullable String endedBy) {

    public boolean ended() {
        return endedAt != null;
    }
}
