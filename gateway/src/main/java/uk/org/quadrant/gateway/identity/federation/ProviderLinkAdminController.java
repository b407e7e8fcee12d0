package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The manager links a person's account at their agency's provider (its subject id, the ID token's
 * {@code sub}) to their Quadrant account, or removes a link. Which provider is always the person's
 * agency's, never a form field; the remove form names one of the person's own links.
 */
@Controller(value = "/admin/users/{username}/sign-in", produces = MediaType.TEXT_HTML)
@Secured(FederationAccess.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProviderLinkAdminController {

    static final String VIEW = "federation/user-sign-in";
    static final int MAX_SUBJECT = 255;

    private final UserAccountRepository users;
    private final FederationAdministration admin;
    private final IdentityProviders providers;

    ProviderLinkAdminController(UserAccountRepository users, FederationAdministration admin, IdentityProviders providers) {
        this.users = users;
        this.admin = admin;
        this.providers = providers;
    }

    @Get
    HttpResponse<?> page(@PathVariable String username, @QueryValue @Nullable String saved) {
        UserAccount user = require(username);
        Map<String, Object> model = model(user, "");
        model.put("banner", saved == null ? null : "Sign-in links of " + user.username() + " saved.");
        FormErrors.none(model);
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> link(@PathVariable String username, @Body Map<String, Object> body, Authentication authentication) {
        UserAccount user = require(username);
        String subject = new Form(body).value("subject");
        String provider = admin.signInOf(user.agencyCode()).provider();
        FormErrors errors = FormErrors.byInputName();
        if (provider == null) {
            errors.add("subject", user.username() + "'s agency signs in with no provider: bind it to one on its agency page first");
        } else if (subject.isEmpty()) {
            errors.add("subject", "Enter the subject id");
        } else if (subject.length() > MAX_SUBJECT) {
            errors.add("subject", "Subject id must be " + MAX_SUBJECT + " characters or fewer");
        } else if (!subject.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            errors.add("subject", "Subject id must be printable characters without spaces, as the provider shows it");
        }
        if (errors.isEmpty()) {
            try {
                admin.link(user, provider, subject, FederationAccess.changedBy(authentication));
                return saved(user);
            } catch (FederationAdministration.SubjectTaken e) {
                errors.add("subject", "That subject id is linked to another account");
            }
        }
        Map<String, Object> model = model(user, subject);
        errors.into(model);
        return Form.page(HttpStatus.BAD_REQUEST, VIEW, model);
    }

    @Post(value = "/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlink(@PathVariable String username, @Body Map<String, Object> body, Authentication authentication) {
        UserAccount user = require(username);
        String provider = new Form(body).value("provider");
        if (provider.isEmpty() || provider.length() > 64) {
            FormErrors errors = FormErrors.byInputName().add("provider", "Choose the link to remove");
            Map<String, Object> model = model(user, "");
            errors.into(model);
            return Form.page(HttpStatus.BAD_REQUEST, VIEW, model);
        }
        admin.unlink(user, provider, FederationAccess.changedBy(authentication));
        return saved(user);
    }

    private static HttpResponse<?> saved(UserAccount user) {
        return HttpResponse.seeOther(URI.create("/admin/users/" + user.username() + "/sign-in?saved=true"));
    }

    private Map<String, Object> model(UserAccount user, String subject) {
        String provider = admin.signInOf(user.agencyCode()).provider();
        Map<String, Object> model = new HashMap<>();
        model.put("user", user);
        model.put("links", admin.linksOf(user));
        model.put("provider", provider);
        model.put("providerName", provider == null ? null
                : providers.named(provider).map(IdentityProviders.Provider::displayName).orElse(provider));
        model.put("subject", subject);
        model.put("banner", null);
        return model;
    }

    private UserAccount require(String username) {
        if (username.length() > 100) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        return users.findByUsername(username).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found"));
    }
}
