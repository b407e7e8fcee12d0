package uk.org.quadrant.gateway.identity.federation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadata;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import io.micronaut.security.oauth2.endpoint.token.response.JWTOpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import io.micronaut.security.oauth2.endpoint.token.response.validation.NonceClaimValidator;
import io.micronaut.security.oauth2.endpoint.token.response.validation.OpenIdClaimsValidator;
import io.micronaut.security.oauth2.endpoint.token.response.validation.ReactiveOpenIdTokenResponseValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Verifies a provider's ID token, in place of the library's validator, for two reasons. The library
 * checks the signature against every key the gateway trusts (its own and every provider's) and runs the
 * claim checks meant for the gateway's own tokens (issuer {@code quadrant-gateway}, session generation),
 * which no provider's token passes. Here the signature must be by a key of THIS provider's JWKS
 * (asymmetric algorithms only), then: {@code exp} in the future and {@code nbf}, if any, passed (60 s of
 * clock skew), {@code sub}, {@code iss}, {@code aud}, {@code iat} present; and the library's OpenID checks
 * (issuer equal to the provider's, audience holding the client id, authorised party) and nonce.
 */
@Singleton
@Replaces(ReactiveOpenIdTokenResponseValidator.class)
class ProviderIdTokenValidator implements ReactiveOpenIdTokenResponseValidator<JWT> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderIdTokenValidator.class);
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final Collection<OpenIdClaimsValidator> openIdClaimsValidators;
    private final NonceClaimValidator nonceValidator;
    private final Scheduler blocking;
    private final Map<String, JWKSource<SecurityContext>> keys = new ConcurrentHashMap<>();

    ProviderIdTokenValidator(Collection<OpenIdClaimsValidator> openIdClaimsValidators, NonceClaimValidator nonceValidator,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.openIdClaimsValidators = openIdClaimsValidators;
        this.nonceValidator = nonceValidator;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<JWT> validate(OauthClientConfiguration client, OpenIdProviderMetadata metadata,
                                   OpenIdTokenResponse response, @Nullable String nonce) {
        // Fetching the provider's keys is blocking I/O (cached afterwards): off the event loop.
        return Mono.fromCallable(() -> verify(client, metadata, response, nonce))
                .subscribeOn(blocking)
                .flatMap(Mono::justOrEmpty);
    }

    private Optional<JWT> verify(OauthClientConfiguration client, OpenIdProviderMetadata metadata, OpenIdTokenResponse response,
                                 @Nullable String nonce) {
        String provider = client.getName();
        try {
            SignedJWT jwt = SignedJWT.parse(response.getIdToken());
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ASYMMETRIC, keysOf(provider, metadata)));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, Set.of("sub", "iss", "aud", "exp", "iat")));
            JWTClaimsSet claims = processor.process(jwt, null);
            OpenIdClaims openId = new JWTOpenIdClaims(claims);
            for (OpenIdClaimsValidator check : openIdClaimsValidators) {
                if (!check.validate(openId, client, metadata)) {
                    LOG.warn("ID token from {} refused by {} (issuer {}, audience {})", provider, check.getClass().getSimpleName(),
                            claims.getIssuer(), claims.getAudience());
                    return Optional.empty();
                }
            }
            if (!nonceValidator.validate(openId, client, metadata, nonce)) {
                LOG.warn("ID token from {} refused: its nonce is not the one this browser's sign-in sent", provider);
                return Optional.empty();
            }
            return Optional.of(jwt);
        } catch (Exception e) {
            LOG.warn("ID token from {} refused: {}", provider, e.toString());
            return Optional.empty();
        }
    }

    private JWKSource<SecurityContext> keysOf(String provider, OpenIdProviderMetadata metadata) {
        return keys.computeIfAbsent(provider, name -> {
            try {
                return JWKSourceBuilder.create(URI.create(metadata.getJwksUri()).toURL()).retrying(true).build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("The JWKS address of " + name + " is not a URL", e);
            }
        });
    }
}
