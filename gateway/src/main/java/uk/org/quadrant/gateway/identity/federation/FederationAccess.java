package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

/** The admin pages of sign-in through providers are the board manager's, like every admin page. */
final class FederationAccess {

    static final String MANAGER = "BOARD_MANAGER";

    private FederationAccess() {
    }

    static ChangedBy changedBy(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return new ChangedBy(user.username(), user.agencyCode().isEmpty() ? null : user.agencyCode());
    }
}
