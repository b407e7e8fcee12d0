package uk.org.quadrant.gateway.directory;

import java.util.Set;

/** The facts a token carries about a person: no secrets. */
public record SignedInUser(String username, String displayName, String agencyCode, Set<Role> roles) {

    public boolean isBoard() {
        return roles.stream().anyMatch(Role::isBoard);
    }

    static SignedInUser of(UserAccount account) {
        return new SignedInUser(account.username(), account.displayName(), account.agencyCode(), account.roleSet());
    }
}
