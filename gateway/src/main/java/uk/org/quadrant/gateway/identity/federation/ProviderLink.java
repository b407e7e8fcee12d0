package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A person's account at a provider ({@code subject}: the ID token's {@code sub}) linked to a Quadrant
 * account, by the manager ({@code linkedBy} their username) or by a sign-in matched on a verified
 * e-mail address ({@code linkedBy} the person themself).
 */
@MappedEntity("provider_link")
public record ProviderLink(@Id @GeneratedValue @Nullable Long id, long userId, String provider, String subject,
                           Instant linkedAt, String linkedBy) {
}
