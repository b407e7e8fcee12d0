package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.identity.directory.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code quadrant.auth.mfa.*}. {@code required-roles}: who must have a second factor (Role names; none in the
 * demo, the board and agency leads in {@code application-prod.yml}; {@code QUADRANT_AUTH_MFA_REQUIRED_ROLES}
 * overrides, comma-separated).
 */
@ConfigurationProperties("quadrant.auth.mfa")
public record MfaSettings(@Nullable List<Role> requiredRoles) {

    public Set<Role> required() {
        return requiredRoles == null || requiredRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(requiredRoles);
    }

    /** Whether someone with {@code roles} must have a second factor. */
    public boolean requiredFor(Set<Role> roles) {
        Set<Role> required = required();
        return roles.stream().anyMatch(required::contains);
    }
}
