package uk.org.quadrant.gateway.admin;

import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.Notice;

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
import io.micronaut.views.ModelAndView;
import uk.org.quadrant.gateway.identity.directory.Agency;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.AlreadyExistsException;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.StaleVersionException;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The partner agencies. Codes are the contract every service uses (in tokens, data and URLs), so a
 * code is fixed once added; only the display name can change.
 */
@Controller(value = "/admin/agencies", produces = MediaType.TEXT_HTML)
@Secured(AdminAccess.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgencyAdminController {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2,10}");

    private final AgencyRepository agencies;
    private final DirectoryAdministration admin;

    AgencyAdminController(AgencyRepository agencies, DirectoryAdministration admin) {
        this.agencies = agencies;
        this.admin = admin;
    }

    @Get
    HttpResponse<?> list(@QueryValue @Nullable String notice, @QueryValue @Nullable String subject) {
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", agencies.listOrderByName());
        model.put("banner", Notice.banner(notice, subject));
        model.put("form", Map.of("code", "", "name", ""));
        FormErrors.none(model);
        return page("admin/agencies", model, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(@Body Map<String, Object> body, Authentication authentication) {
        Form form = new Form(body);
        String code = form.value("code");
        String name = form.value("name");
        FormErrors errors = FormErrors.byInputName();
        if (code.isEmpty()) {
            errors.add("code", "Enter a code");
        } else if (!CODE.matcher(code).matches()) {
            errors.add("code", "Code must be 2 to 10 capital letters (A to Z), for example CSC");
        } else if (agencies.existsById(code)) {
            errors.add("code", "An agency with code " + code + " already exists");
        }
        checkName(name, errors);
        if (errors.isEmpty()) {
            try {
                admin.addAgency(code, name, AdminAccess.changedBy(authentication));
                return Form.done("/admin/agencies", Notice.AGENCY_ADDED, code);
            } catch (AlreadyExistsException e) {
                errors.add("code", "An agency with code " + code + " already exists");
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", agencies.listOrderByName());
        model.put("form", Map.of("code", code, "name", name));
        errors.into(model);
        return page("admin/agencies", model, HttpStatus.BAD_REQUEST);
    }

    @Get("/{code}")
    HttpResponse<?> renameForm(@PathVariable String code) {
        Agency agency = require(code);
        Map<String, Object> model = renameModel(agency, agency.name());
        FormErrors.none(model);
        return page("admin/agency-rename", model, HttpStatus.OK);
    }

    @Post(value = "/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rename(@PathVariable String code, @Body Map<String, Object> body, Authentication authentication) {
        Agency agency = require(code);
        Form form = new Form(body);
        String name = form.value("name");
        long version;
        try {
            version = Long.parseLong(form.value("version"));
        } catch (NumberFormatException e) {
            version = -1;
        }
        FormErrors errors = FormErrors.byInputName();
        checkName(name, errors);
        if (errors.isEmpty()) {
            try {
                admin.renameAgency(code, version, name, AdminAccess.changedBy(authentication));
                return Form.done("/admin/agencies", Notice.AGENCY_RENAMED, code);
            } catch (StaleVersionException e) {
                Agency current = (Agency) e.current();
                Map<String, Object> model = renameModel(current, current.name());
                model.put("conflict", true);
                FormErrors.none(model);
                return page("admin/agency-rename", model, HttpStatus.CONFLICT);
            }
        }
        Map<String, Object> model = renameModel(agency, name);
        model.put("version", version);
        errors.into(model);
        return page("admin/agency-rename", model, HttpStatus.BAD_REQUEST);
    }

    private static void checkName(String name, FormErrors errors) {
        if (name.isEmpty()) {
            errors.add("name", "Enter the agency's name");
        } else if (name.length() > 200) {
            errors.add("name", "Name must be 200 characters or fewer");
        }
    }

    private Agency require(String code) {
        return agencies.findById(code).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found"));
    }

    private static Map<String, Object> renameModel(Agency agency, String name) {
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("version", agency.version());
        model.put("form", Map.of("name", name));
        return model;
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }
}
