package uk.org.quadrant.gateway.identity.mfa;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.tokens.TokenIssuer;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a signed-in person must still set up a second factor: their role requires one
 * ({@link MfaSettings}) and they have none confirmed. The answer "has one" is remembered for a few seconds
 * per replica, so pages do not ask the database each time; "has none" is asked again each request, so a
 * person who has just enrolled (on any replica) is let through at once.
 */
@Singleton
class EnrolmentCheck {

    private final MfaSettings settings;
    private final SecondFactors factors;
    private final Cache<String, Boolean> enrolled = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10))
            .maximumSize(10_000).build();

    EnrolmentCheck(MfaSettings settings, SecondFactors factors) {
        this.settings = settings;
        this.factors = factors;
    }

    boolean anyRequired() {
        return !settings.required().isEmpty();
    }

    boolean mustEnrol(Authentication authentication) {
        if (TokenIssuer.providerOf(authentication) != null) {
            // Signed in through the agency's provider: its own multi-factor policy applied (docs/decisions.md).
            return false;
        }
        if (!settings.requiredFor(roles(authentication))) {
            return false;
        }
        String username = authentication.getName();
        if (enrolled.getIfPresent(username) != null) {
            return false;
        }
        boolean has = factors.hasConfirmed(username);
        if (has) {
            enrolled.put(username, Boolean.TRUE);
        }
        return !has;
    }

    /** After a change to the person's own factor on this replica. */
    void forget(String username) {
        enrolled.invalidate(username);
    }

    static Set<Role> roles(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : authentication.getRoles()) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException ignored) {
                // not one of the directory's roles: requires nothing
            }
        }
        return roles;
    }
}
