package uk.org.quadrant.gateway.admin;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;

import java.util.EnumSet;

/**
 * Creates the first board manager of an empty directory, through the same directory code as the
 * admin pages (so the change log records it), and refuses once any board manager exists, enabled or
 * not: after the first, managers add people from the admin pages. Used by {@link BootstrapManagerCommand}.
 */
@Singleton
public class ManagerBootstrap {

    /** Who the change log says made the change: the one-off command, not a person. */
    public static final ChangedBy ACTOR = new ChangedBy("bootstrap-manager", null);
    /** The board's own agency (migration V2), where the board's people belong. */
    static final String BOARD = "BOARD";

    /** What happened: created, or why not. */
    public enum Outcome { CREATED, MANAGER_EXISTS, USERNAME_TAKEN }

    private final UserAccountRepository users;
    private final DirectoryAdministration admin;

    ManagerBootstrap(UserAccountRepository users, DirectoryAdministration admin) {
        this.users = users;
        this.admin = admin;
    }

    /** Input already checked with the admin pages' rules (BootstrapManagerCommand). One transaction. */
    @Transactional
    public Outcome createFirstManager(String username, String displayName, String password) {
        for (var user : users.findAll()) {
            if (user.roleSet().contains(Role.BOARD_MANAGER)) {
                return Outcome.MANAGER_EXISTS;
            }
        }
        if (users.findByUsername(username).isPresent()) {
            return Outcome.USERNAME_TAKEN;
        }
        admin.addUser(username, displayName, BOARD, EnumSet.of(Role.BOARD_MANAGER), password, ACTOR);
        return Outcome.CREATED;
    }
}
