package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An invitation or reset link as stored ({@code V10__account_links.sql}): only the keyed hash of its secret. */
@MappedEntity("account_link")
record AccountLink(
        @Id @GeneratedValue @Nullable Long id,
        String secretHash,
        String purpose,
        String username,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant usedAt) {
}
