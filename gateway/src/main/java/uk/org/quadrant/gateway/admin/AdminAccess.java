package uk.org.quadrant.gateway.admin;

import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

/** Admin is the board manager's alone: every admin controller is secured with {@link #MANAGER}. */
final class AdminAccess {

    static final String MANAGER = "BOARD_MANAGER";

    private AdminAccess() {
    }

    static ChangedBy changedBy(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return new ChangedBy(user.username(), user.agencyCode().isEmpty() ? null : user.agencyCode());
    }
}
