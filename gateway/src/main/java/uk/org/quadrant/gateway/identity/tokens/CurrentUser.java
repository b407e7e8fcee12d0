package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.gateway.identity.directory.Role;

import java.util.List;
import java.util.Optional;

/** The signed-in person as pages show them, read from the validated token. */
public record CurrentUser(String username, String displayName, String agencyCode, List<Role> roles) {

    public static CurrentUser of(Authentication authentication) {
        Object name = authentication.getAttributes().get("name");
        Object agency = authentication.getAttributes().get("agency");
        List<Role> roles = authentication.getRoles().stream()
                .flatMap(r -> parse(r).stream())
                .sorted()
                .toList();
        return new CurrentUser(authentication.getName(),
                name == null ? authentication.getName() : name.toString(),
                agency == null ? "" : agency.toString(),
                roles);
    }

    public boolean isBoard() {
        return roles.stream().anyMatch(Role::isBoard);
    }

    public boolean isManager() {
        return roles.contains(Role.BOARD_MANAGER);
    }

    public boolean isChair() {
        return roles.contains(Role.BOARD_CHAIR) && !isManager();
    }

    public boolean isLead() {
        return roles.contains(Role.AGENCY_LEAD);
    }

    /** May change data at all: everyone but the chair (whose one write is a challenge comment). */
    public boolean mayWrite() {
        return !isChair();
    }

    public String roleLabels() {
        return String.join(", ", roles.stream().map(Role::label).toList());
    }

    public boolean mayViewAgency(String code) {
        return isBoard() || agencyCode.equals(code);
    }

    private static Optional<Role> parse(String role) {
        try {
            return Optional.of(Role.valueOf(role));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

}
