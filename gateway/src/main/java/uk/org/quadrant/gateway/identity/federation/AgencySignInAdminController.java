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
import uk.org.quadrant.gateway.identity.directory.Agency;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The manager binds an agency to one of the configured providers (several agencies may share one), or
 * to none, and says whether its staff may still sign in with passwords.
 */
@Controller(value = "/admin/agencies/{code}/sign-in", produces = MediaType.TEXT_HTML)
@Secured(FederationAccess.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgencySignInAdminController {

    static final String VIEW = "federation/agency-sign-in";

    private final AgencyRepository agencies;
    private final FederationAdministration admin;
    private final IdentityProviders providers;

    AgencySignInAdminController(AgencyRepository agencies, FederationAdministration admin, IdentityProviders providers) {
        this.agencies = agencies;
        this.admin = admin;
        this.providers = providers;
    }

    @Get
    HttpResponse<?> page(@PathVariable String code, @QueryValue @Nullable String saved) {
        Agency agency = require(code);
        AgencySignIn current = admin.signInOf(code);
        Map<String, Object> model = model(agency, current, current.provider(), current.passwordSignIn());
        model.put("banner", saved != null ? "How " + agency.name() + " signs in is saved." : null);
        FormErrors.none(model);
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@PathVariable String code, @Body Map<String, Object> body, Authentication authentication) {
        Agency agency = require(code);
        Form form = new Form(body);
        String provider = form.value("provider");
        boolean passwords = form.checked("passwordSignIn");
        Long version = form.version();
        FormErrors errors = FormErrors.byInputName();
        if (provider.length() > 64 || (!provider.isEmpty() && providers.named(provider).isEmpty())) {
            errors.add("provider", "Choose one of the providers listed, or none");
        }
        if (provider.isEmpty() && !passwords) {
            errors.add("passwordSignIn", "Staff of an agency without a provider sign in with passwords: keep passwords on, or choose a provider");
        }
        if (errors.isEmpty()) {
            try {
                admin.bind(code, provider.isEmpty() ? null : provider, passwords, version, FederationAccess.changedBy(authentication));
                return HttpResponse.seeOther(URI.create("/admin/agencies/" + code + "/sign-in?saved=true"));
            } catch (FederationAdministration.ChangedMeanwhile e) {
                Map<String, Object> model = model(agency, e.current(), e.current().provider(), e.current().passwordSignIn());
                model.put("conflict", true);
                FormErrors.none(model);
                return Form.page(HttpStatus.CONFLICT, VIEW, model);
            }
        }
        AgencySignIn shown = admin.signInOf(code);
        Map<String, Object> model = model(agency, shown, provider, passwords);
        model.put("version", version);
        errors.into(model);
        return Form.page(HttpStatus.BAD_REQUEST, VIEW, model);
    }

    private Map<String, Object> model(Agency agency, AgencySignIn current, @Nullable String provider, boolean passwords) {
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("current", current);
        model.put("version", current.version());
        model.put("providers", providers.all());
        model.put("provider", provider == null ? "" : provider);
        model.put("passwordSignIn", passwords);
        model.put("banner", null);
        return model;
    }

    private Agency require(String code) {
        if (code.length() > 16) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such agency");
        }
        return agencies.findById(code).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such agency"));
    }
}
