package uk.org.quadrant.gateway.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The gateway's own identity towards the services, for work no signed-in person asked for (the
 * reminder rules read what every agency owes). The token names no user and no agency: its subject
 * {@value #SUBJECT} cannot be a username (the colon is outside {@code Usernames.ALPHABET}), its only
 * role is {@value #ROLE}, and it carries {@code svc: true}. It lives {@link #LIFETIME} and is minted
 * here only, never by {@code /api/v1/auth/token}; the gateway itself refuses it on its own routes
 * ({@link SessionRules}), and each service accepts it only for the reads it lists
 * ({@code quadrant.service-reader.reads}).
 */
@Singleton
public class ServiceTokens {

    public static final String ROLE = "SERVICE_READER";
    public static final String SUBJECT = "service:quadrant-gateway";
    /** Marks a service token, so no rule has to guess from the subject. */
    public static final String SERVICE_CLAIM = "svc";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** A cached token is replaced this long before it expires, so no call carries one about to lapse. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final JWSSigner signer;
    private final String keyId;
    private final String issuer;
    private final Clock clock;
    private volatile Minted current;

    private record Minted(String value, Instant expires) {
    }

    ServiceTokens(SigningKeyProvider keys, AuthConfiguration config) throws JOSEException {
        this.signer = new RSASSASigner(keys.privateKey());
        this.keyId = keys.privateKey().getKeyID();
        this.issuer = config.issuer();
        this.clock = Clock.systemUTC();
    }

    /** A current service token (a cached one while it has over a minute left). */
    public String token() {
        Minted m = current;
        Instant now = clock.instant();
        if (m == null || !now.isBefore(m.expires().minus(RENEW_BEFORE))) {
            m = mint(now);
            current = m;
        }
        return m.value();
    }

    private Minted mint(Instant now) {
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(SUBJECT)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .claim("name", "Quadrant reminders")
                .claim("roles", List.of(ROLE))
                .claim(SERVICE_CLAIM, true)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the service token", e);
        }
        return new Minted(jwt.serialize(), expires);
    }
}
