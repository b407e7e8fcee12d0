package uk.org.quadrant.gateway.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.directory.SignedInUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints RS256 access tokens carrying username, display name, roles and agency, and {@code sva}: the
 * account's session generation as read with the password that was checked (see
 * {@link uk.org.quadrant.gateway.identity.directory.UserAccount}). A browser session's token also carries
 * {@code sid}, the session id, kept when the session is renewed; only such a token is accepted as
 * the session cookie, and only a token without it as a bearer token ({@link SessionRules}).
 */
@Singleton
public class TokenIssuer {

    /** The session id claim: present on browser-session tokens only. */
    public static final String SESSION_ID = "sid";
    /**
     * The claim naming the agency's provider a browser session was signed in through (issue 19), kept on
     * every renewal; absent for a password sign-in. Such a session's second factor was the provider's
     * ({@code identity.mfa} does not ask for Quadrant's own).
     */
    public static final String PROVIDER = "idp";
    /** The session generation claim (epoch milliseconds, 0 while the account's sessions were never ended). */
    public static final String GENERATION = "sva";

    private final JWSSigner signer;
    private final String keyId;
    private final AuthConfiguration config;
    private final Clock clock;
    private final SessionLedger ledger;

    TokenIssuer(SigningKeyProvider keys, AuthConfiguration config, SessionLedger ledger) throws JOSEException {
        this.ledger = ledger;
        this.signer = new RSASSASigner(keys.privateKey());
        this.keyId = keys.privateKey().getKeyID();
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** A bearer token for an API client ({@code POST /api/v1/auth/token}): refused as a session cookie. */
    public IssuedToken issue(SignedInUser user) {
        return mint(user, null, user.sessionGeneration(), null);
    }

    /**
     * A new browser session, with a new session id, recorded in the sessions list ({@link SessionLedger}:
     * the client address and browser of the request being served).
     */
    public IssuedToken issueSession(SignedInUser user) {
        return startSession(user, null);
    }

    /** A new browser session signed in through the agency's provider {@code provider}: marked so on every token. */
    public IssuedToken issueProviderSession(SignedInUser user, String provider) {
        return startSession(user, provider);
    }

    private IssuedToken startSession(SignedInUser user, @Nullable String provider) {
        IssuedToken token = mint(user, UUID.randomUUID().toString(), user.sessionGeneration(), provider);
        ledger.started(token.sessionId(), user.username());
        return token;
    }

    /**
     * The next token of an existing browser session: same session id and generation, the user's
     * current name, agency and roles.
     */
    public IssuedToken renewSession(SignedInUser user, String sessionId, long generation, @Nullable String provider) {
        return mint(user, sessionId, generation, provider);
    }

    /** The provider the session of {@code authentication} was signed in through, or null (a password sign-in, an API token). */
    public static @Nullable String providerOf(@Nullable Authentication authentication) {
        return authentication != null && authentication.getAttributes().get(PROVIDER) instanceof String p ? p : null;
    }

    private IssuedToken mint(SignedInUser user, String sessionId, long generation, @Nullable String provider) {
        Instant now = clock.instant();
        Duration lifetime = config.tokenLifetime();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .subject(user.username())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("name", user.displayName())
                .claim("agency", user.agencyCode())
                .claim("roles", user.roles().stream().map(Role::name).sorted().toList())
                .claim(GENERATION, generation);
        if (sessionId != null) {
            claims.claim(SESSION_ID, sessionId);
        }
        if (sessionId != null && provider != null) {
            claims.claim(PROVIDER, provider);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keyId).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign token", e);
        }
        return new IssuedToken(jwt.serialize(), lifetime, user, sessionId);
    }

    /**
     * A signed token, for whom, and its session id if it is a browser session's.
     * {@code user} stays in memory: it is what the token says, no secret.
     */
    public record IssuedToken(String value, Duration lifetime, SignedInUser user, String sessionId) {

        public boolean isSession() {
            return sessionId != null;
        }
    }
}
