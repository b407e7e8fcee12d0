package uk.org.quadrant.gateway.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.directory.Role;
import uk.org.quadrant.gateway.directory.SignedInUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Mints RS256 access tokens carrying username, display name, roles and agency. */
@Singleton
public class TokenIssuer {

    private final JWSSigner signer;
    private final String keyId;
    private final AuthConfiguration config;
    private final Clock clock;

    TokenIssuer(SigningKeyProvider keys, AuthConfiguration config) throws JOSEException {
        this.signer = new RSASSASigner(keys.privateKey());
        this.keyId = keys.privateKey().getKeyID();
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    public IssuedToken issue(SignedInUser user) {
        Instant now = clock.instant();
        Duration lifetime = config.tokenLifetime();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .subject(user.username())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("name", user.displayName())
                .claim("agency", user.agencyCode())
                .claim("roles", user.roles().stream().map(Role::name).sorted().toList())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign token", e);
        }
        return new IssuedToken(jwt.serialize(), lifetime);
    }

    public record IssuedToken(String value, Duration lifetime) {
    }
}
