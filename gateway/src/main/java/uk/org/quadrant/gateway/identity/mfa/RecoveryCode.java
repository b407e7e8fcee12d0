package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One recovery code of an account: the SHA-256 of the code (hex), never the code; used once. */
@MappedEntity("recovery_code")
public record RecoveryCode(@Id @GeneratedValue @Nullable Long id, Long userId, String codeHash, Instant createdAt,
                           @Nullable Instant usedAt) {
}
