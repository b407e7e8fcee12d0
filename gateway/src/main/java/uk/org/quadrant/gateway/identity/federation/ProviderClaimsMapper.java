package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Reads the verified ID token into a {@link ProviderIdentity}: subject, e-mail address and whether the
 * provider verified it, and {@code acr}. No roles: agency and roles come from Quadrant's directory
 * ({@link ProviderAccountMatcher}), and the provider's tokens are not kept.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
class ProviderClaimsMapper implements OpenIdAuthenticationMapper {

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                         OpenIdClaims claims, @Nullable State state) {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            return Mono.just(AuthenticationResponse.failure("The provider's ID token names no subject"));
        }
        Object acr = claims.getClaims().get(ProviderIdentity.ACR);
        ProviderIdentity identity = new ProviderIdentity(providerName, subject, claims.getEmail(),
                Boolean.TRUE.equals(claims.isEmailVerified()), acr == null ? null : acr.toString());
        return Mono.just(AuthenticationResponse.success(subject, List.of(), identity.attributes()));
    }
}
