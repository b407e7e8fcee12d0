package uk.org.quadrant.gateway.agency;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.Agency;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

/**
 * The gateway's own check before any form touches a service: an agency user may act only for its
 * own agency, and another agency's form answers exactly like one that does not exist (404). The
 * services check the same with the user's token; this check means a refused request never leaves
 * the gateway.
 */
@Singleton
public class AgencyGuard {

    private final AgencyRepository agencies;

    AgencyGuard(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    /** The agency, if the user may open its pages; otherwise "Page not found". */
    public Agency require(CurrentUser user, String code) {
        return agencies.findById(code)
                .filter(a -> a.code().equals(code))
                .filter(a -> user.mayViewAgency(a.code()))
                .orElseThrow(AgencyGuard::notFound);
    }

    /** An agency user's form about another agency's record (an action it does not lead, an audit it is not in). */
    public void requireOwn(CurrentUser user, String agencyCode) {
        if (!user.mayViewAgency(agencyCode)) {
            throw notFound();
        }
    }

    public static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
    }
}
