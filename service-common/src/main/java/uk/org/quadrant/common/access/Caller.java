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
 *
 * <p>The gateway's service identity (issue 18: the reminder rules read what every agency owes) is a
 * caller too, but never a person: a token with the role {@value #SERVICE_READER} or the claim
 * {@value #SERVICE_CLAIM} is one ({@link #isServiceToken}), whatever else it carries. Such a caller has
 * that role alone and no agency, passes no write or sign-off check ({@link #mayWriteFor}, {@link #isManager},
 * {@link #isBoard}, {@link #isLeadOf} are all false for it), and reaches only the reads its service lists
 * ({@link ServiceReaderRule}), where {@link #readsEveryAgency} lets it see every agency's rows.
 */
public record Caller(String username, String agency, Set<String> roles) implements Principal {

    public static final String CONTRIBUTOR = "AGENCY_CONTRIBUTOR";
    public static final String LEAD = "AGENCY_LEAD";
    public static final String MANAGER = "BOARD_MANAGER";
    public static final String CHAIR = "BOARD_CHAIR";
    /** The gateway's service identity's only role (the gateway's {@code ServiceTokens.ROLE}). */
    public static final String SERVICE_READER = "SERVICE_READER";
    /** The claim that marks a service token (the gateway's {@code ServiceTokens.SERVICE_CLAIM}). */
    public static final String SERVICE_CLAIM = "svc";

    /**
     * Whether the token is a service token: the role {@value #SERVICE_READER}, or the claim
     * {@value #SERVICE_CLAIM} with any value (no person's token carries it).
     */
    public static boolean isServiceToken(Authentication authentication) {
        return authentication.getRoles().contains(SERVICE_READER) || authentication.getAttributes().get(SERVICE_CLAIM) != null;
    }

    public static Caller of(Authentication authentication) {
        if (isServiceToken(authentication)) {
            // Whatever else the token says (a board role, an agency) it confers nothing.
            return new Caller(authentication.getName(), "", Set.of(SERVICE_READER));
        }
        Object agency = authentication.getAttributes().get("agency");
        Collection<String> roles = authentication.getRoles();
        return new Caller(authentication.getName(), agency == null ? "" : agency.toString(), Set.copyOf(roles));
    }

    @Override
    public String getName() {
        return username;
    }

    /** The gateway's service identity: reads only, and only those its service lists. */
    public boolean isServiceReader() {
        return roles.contains(SERVICE_READER);
    }

    public boolean isManager() {
        return !isServiceReader() && roles.contains(MANAGER);
    }

    public boolean isBoard() {
        return !isServiceReader() && (roles.contains(MANAGER) || roles.contains(CHAIR));
    }

    public boolean isLeadOf(String agencyCode) {
        return !isServiceReader() && roles.contains(LEAD) && agency.equals(agencyCode);
    }

    /** Contributors and leads write their own agency's data; the board manager writes any; the service identity none. */
    public boolean mayWriteFor(String agencyCode) {
        return !isServiceReader() && (isManager() || (agency.equals(agencyCode) && (roles.contains(CONTRIBUTOR) || roles.contains(LEAD))));
    }

    /**
     * Whether a read shows every agency's rows: the board's, and the service identity's on the reads its
     * service lists for it (it never reaches any other route).
     */
    public boolean readsEveryAgency() {
        return isBoard() || isServiceReader();
    }

    /** Board roles read every agency; an agency reads its own. */
    public boolean mayReadAllOf(String agencyCode) {
        return isBoard() || agency.equals(agencyCode);
    }
}
