package uk.org.quadrant.gateway.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.Set;

/** A person who can sign in. Never serialised to clients: it holds the password hash. */
@MappedEntity("user_account")
public record UserAccount(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String agencyCode,
        String roles,
        String passwordHash,
        boolean enabled,
        @Version @Nullable Long version,
        Instant createdAt,
        Instant updatedAt) {

    public Set<Role> roleSet() {
        return Role.parse(roles);
    }

    public boolean isBoard() {
        return roleSet().stream().anyMatch(Role::isBoard);
    }
}
