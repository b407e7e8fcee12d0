package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.Map;

/**
 * Who the provider says signed in, from an ID token the library has verified (signature, issuer,
 * audience, expiry, nonce): nothing else of its claims is used, never a role or an agency.
 */
public record ProviderIdentity(String provider, String subject, @Nullable String email, boolean emailVerified,
                               @Nullable String acr) {

    static final String PROVIDER = "provider";
    static final String EMAIL = "email";
    static final String EMAIL_VERIFIED = "email_verified";
    static final String ACR = "acr";

    /** The attributes of the library's authentication response (no null values). */
    Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(PROVIDER, provider);
        attributes.put(EMAIL_VERIFIED, emailVerified);
        if (email != null) {
            attributes.put(EMAIL, email);
        }
        if (acr != null) {
            attributes.put(ACR, acr);
        }
        return attributes;
    }

    static ProviderIdentity of(Authentication authentication) {
        Map<String, Object> a = authentication.getAttributes();
        return new ProviderIdentity(String.valueOf(a.get(PROVIDER)), authentication.getName(),
                a.get(EMAIL) == null ? null : a.get(EMAIL).toString(),
                Boolean.TRUE.equals(a.get(EMAIL_VERIFIED)),
                a.get(ACR) == null ? null : a.get(ACR).toString());
    }
}
