package uk.org.quadrant.gateway.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * The session id of a session cookie, if the cookie holds a browser-session token this gateway
 * signed, not expired and not ended ({@link SessionValidity}, the same check the security filter
 * makes). For binding the CSRF token to the session in a filter that runs before the security filter:
 * a cookie that signs nobody in gets the sign-in form's pre-session token, as the page it is shown is.
 */
@Singleton
public class SessionIds {

    private final RSASSAVerifier verifier;
    private final String issuer;
    private final SessionValidity validity;
    private final Clock clock = Clock.systemUTC();

    SessionIds(SigningKeyProvider keys, AuthConfiguration config, SessionValidity validity) throws JOSEException {
        this.verifier = new RSASSAVerifier(keys.publicKey());
        this.issuer = config.issuer();
        this.validity = validity;
    }

    public Optional<String> of(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (!issuer.equals(claims.getIssuer()) || expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            String sid = claims.getStringClaim(TokenIssuer.SESSION_ID);
            Object generation = claims.getClaim(TokenIssuer.GENERATION);
            if (sid == null || sid.isBlank() || claims.getSubject() == null
                    || !validity.isCurrent(claims.getSubject(), generation instanceof Number n ? n.longValue() : 0L, sid)) {
                return Optional.empty();
            }
            return Optional.of(sid);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
