package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * How an agency's staff sign in: through {@code provider} (a name under
 * {@code micronaut.security.oauth2.clients}; null: none) and whether their passwords still work.
 * An agency without a row signs in with passwords only ({@link #NONE}).
 */
@MappedEntity("agency_sign_in")
public record AgencySignIn(@Id String agencyCode, @Nullable String provider, boolean passwordSignIn,
                           @Version @Nullable Long version, Instant updatedAt) {

    /** What an agency without a row has: passwords, no provider. */
    static AgencySignIn none(String agencyCode) {
        return new AgencySignIn(agencyCode, null, true, null, Instant.EPOCH);
    }

    public boolean boundTo(String providerName) {
        return provider != null && provider.equals(providerName);
    }
}
