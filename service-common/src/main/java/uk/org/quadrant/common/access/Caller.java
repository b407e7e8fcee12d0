package uk.org.quadrant.common.access;

import io.micronaut.security.authentication.Authentication;

import java.security.Principal;
import java.util.Collection;
import java.util.Set;

/**
 * The authenticated caller as this service sees it, from the validated token: username, agency
 * and roles. All agency scoping in this service is decided from here, never from request input.
 * It is a {@link Principal} so that the OpenAPI generator, which skips principals, does not document
 * this bound argument as a request parameter (docs/decisions.md, "OpenAPI documents").
 */
public record Caller(String username, String agency, Set<String> roles) implements Principal {

    public static final String CONTRIBUTOR = "AGENCY_CONTRIBUTOR";
    public static final String LEAD = "AGENCY_LEAD";
    public static final String MANAGER = "BOARD_MANAGER";
    public static final String CHAIR = "BOARD_CHAIR";

    public static Caller of(Authentication authentication) {
        Object agency = authentication.getAttributes().get("agency");
        Collection<String> roles = authentication.getRoles();
        return new Caller(authentication.getName(), agency == null ? "" : agency.toString(), Set.copyOf(roles));
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean isManager() {
        return roles.contains(MANAGER);
    }

    public boolean isBoard() {
        return roles.contains(MANAGER) || roles.contains(CHAIR);
    }

    public boolean isLeadOf(String agencyCode) {
        return roles.contains(LEAD) && agency.equals(agencyCode);
    }

    /** Contributors and leads write their own agency's data; the board manager writes any. */
    public boolean mayWriteFor(String agencyCode) {
        return isManager() || (agency.equals(agencyCode) && (roles.contains(CONTRIBUTOR) || roles.contains(LEAD)));
    }

    /** Board roles read every agency; an agency reads its own. */
    public boolean mayReadAllOf(String agencyCode) {
        return isBoard() || agency.equals(agencyCode);
    }
}
