package uk.org.quadrant.gateway.identity.federation;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.jwt.nimbus.ReactiveJwksSignature;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * micronaut-security-oauth2 adds each provider's keys (its JWKS) to the keys the gateway accepts on its
 * OWN tokens, the session cookie and bearer tokens. Then any agency's provider, or whoever took it over,
 * could sign a token saying "quadrant-gateway, the manager" and be let in as the manager
 * ({@code AgencyProviderSignInTest.aProvidersKeyNeverSignsTheGatewaysOwnTokens}). In its place, for each
 * such key set, a signature that verifies nothing: the gateway's tokens are checked with the gateway's key
 * alone, and a provider's ID token with that provider's keys alone ({@link ProviderIdTokenValidator}).
 * The gateway configures no JWKS of its own ({@code micronaut.security.token.jwt.signatures.jwks}).
 */
@EachBean(JwksSignatureConfiguration.class)
@Replaces(ReactiveJwksSignature.class)
class ProviderKeysNeverSignGatewayTokens implements ReactiveSignatureConfiguration<SignedJWT> {

    @Override
    public Publisher<Boolean> verify(SignedJWT token) {
        return Mono.just(false);
    }
}
