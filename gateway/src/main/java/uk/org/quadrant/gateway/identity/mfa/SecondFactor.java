package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An account's authenticator app (V8): the sealed TOTP secret ({@link SealedSecrets}), whether the
 * person confirmed it with a code, and the newest step a code was accepted for (replays refused).
 * Never shown to anyone: the secret leaves the gateway only on the enrolment page, before confirmation.
 */
@MappedEntity("second_factor")
public record SecondFactor(@Id Long userId, String sealedSecret, boolean confirmed, long lastUsedStep,
                           Instant createdAt, @Nullable Instant confirmedAt) {
}
