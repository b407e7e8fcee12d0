package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;
import uk.org.quadrant.gateway.identity.tokens.SessionValidity;

import java.net.URI;

/**
 * {@code POST /admin/users/{username}/second-factor/reset}: the board manager removes someone's second
 * factor (a lost phone). Every session and token of theirs ends, on every replica; the change log says who
 * did it. The account is the path's; the form carries nothing but its CSRF token. The manager's own
 * factor is reset by another manager (or turned off on their own page, with a code).
 */
@Controller(value = "/admin/users/{username}/second-factor", produces = MediaType.TEXT_HTML)
@Secured("BOARD_MANAGER")
@ExecuteOn(TaskExecutors.BLOCKING)
class SecondFactorAdminController {

    private final SecondFactors factors;
    private final UserAccountRepository users;
    private final SessionValidity validity;
    private final EnrolmentCheck enrolment;

    SecondFactorAdminController(SecondFactors factors, UserAccountRepository users, SessionValidity validity, EnrolmentCheck enrolment) {
        this.factors = factors;
        this.users = users;
        this.validity = validity;
        this.enrolment = enrolment;
    }

    @Post(value = "/reset", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reset(@PathVariable String username, Authentication authentication) {
        if (users.findByUsername(username).filter(u -> u.username().equals(username)).isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        if (username.equals(authentication.getName())) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "You cannot reset your own second factor here: turn it off on your own security page, or ask another board manager");
        }
        CurrentUser manager = CurrentUser.of(authentication);
        if (factors.reset(username, new ChangedBy(manager.username(), manager.agencyCode().isEmpty() ? null : manager.agencyCode()))) {
            validity.forget(username);
            enrolment.forget(username);
        }
        return HttpResponse.seeOther(URI.create(SecurityNotice.RESET.on("/admin/users/" + username, username)));
    }
}
