package uk.org.quadrant.gateway.admin;

import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.WriteResult;
import uk.org.quadrant.gateway.web.forms.Notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.audits.AuditsClient;
import uk.org.quadrant.gateway.clients.audits.Theme;
import uk.org.quadrant.gateway.clients.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The theme vocabulary findings are tagged with, held by audits-service. Themes are added, relabelled
 * or retired, never deleted: past findings keep their theme; a retired one cannot be used for new findings.
 */
@Controller(value = "/admin/themes", produces = MediaType.TEXT_HTML)
@Secured(AdminAccess.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class ThemeAdminController {

    private static final Set<String> FIELDS = Set.of("code", "label", "active");
    private static final Map<String, String> LABELS = Map.of("code", "Code", "label", "Label");

    private final Downstream downstream;
    private final AuditsClient audits;

    ThemeAdminController(Downstream downstream, AuditsClient audits) {
        this.downstream = downstream;
        this.audits = audits;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, @QueryValue @Nullable String notice, @QueryValue @Nullable String subject) {
        Map<String, Object> model = listModel(request, Map.of("code", "", "label", ""));
        model.put("banner", Notice.banner(notice, subject));
        FormErrors.none(model);
        return IndicatorAdminController.page("admin/themes", model, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, @Body Map<String, Object> body) {
        Form form = new Form(body);
        String code = form.value("code");
        String label = form.value("label");
        FormErrors errors = FormErrors.byInputName();
        if (code.isEmpty()) {
            errors.add("code", "Enter a code, for example FATHERS");
        }
        if (label.isEmpty()) {
            errors.add("label", "Enter the label findings show, for example Fathers");
        }
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (errors.isEmpty()) {
            AuditsClient.NewTheme json = new AuditsClient.NewTheme(code, label);
            var result = WriteResult.awaitAnswer(downstream.forRequest(request).write(Service.AUDITS, () -> audits.addTheme(json)), Service.AUDITS);
            var reply = result.reply();
            if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
                errors.general(result.unavailableMessage());
                status = HttpStatus.SERVICE_UNAVAILABLE;
            } else if (reply.ok()) {
                return Form.done("/admin/themes", Notice.THEME_ADDED, label);
            } else if (reply.status() == 409) {
                errors.add("code", "A theme with code " + code + " already exists");
            } else {
                errors = FormErrors.forInputs(FIELDS, LABELS).addAll(reply);
            }
        }
        Map<String, Object> model = listModelOrEmpty(request, Map.of("code", code, "label", label));
        errors.into(model);
        return IndicatorAdminController.page("admin/themes", model, status);
    }

    @Get("/{code}")
    HttpResponse<?> editForm(HttpRequest<?> request, @PathVariable String code) {
        Theme theme = find(request, code);
        Map<String, Object> model = new HashMap<>();
        model.put("theme", theme);
        model.put("form", Map.of("label", String.valueOf(theme.label()), "active", Boolean.TRUE.equals(theme.active())));
        FormErrors.none(model);
        return IndicatorAdminController.page("admin/theme-edit", model, HttpStatus.OK);
    }

    @Post(value = "/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(HttpRequest<?> request, @PathVariable String code, @Body Map<String, Object> body) {
        Form form = new Form(body);
        String label = form.value("label");
        boolean active = form.checked("active");
        FormErrors errors = FormErrors.byInputName();
        if (label.isEmpty()) {
            errors.add("label", "Enter the label findings show");
        }
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (errors.isEmpty()) {
            AuditsClient.ThemeChange json = new AuditsClient.ThemeChange(label, active);
            var result = WriteResult.awaitAnswer(downstream.forRequest(request)
                    .write(Service.AUDITS, () -> audits.changeTheme(code, json)), Service.AUDITS);
            var reply = result.reply();
            if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
                errors.general(result.unavailableMessage());
                status = HttpStatus.SERVICE_UNAVAILABLE;
            } else if (reply.ok()) {
                return Form.done("/admin/themes", Notice.THEME_SAVED, label + (active ? "" : " (retired)"));
            } else if (reply.status() == 404) {
                throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
            } else {
                errors = FormErrors.forInputs(FIELDS, LABELS).addAll(reply);
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("theme", Map.of("code", code, "label", label));
        model.put("form", Map.of("label", label, "active", active));
        errors.into(model);
        return IndicatorAdminController.page("admin/theme-edit", model, status);
    }

    private Theme find(HttpRequest<?> request, String code) {
        Reply<List<Theme>> reply = Calls.require(downstream.forRequest(request).read(Service.AUDITS, audits::themes));
        if (!reply.ok() || reply.body() == null) {
            throw new HttpStatusException(HttpStatus.valueOf(reply.status()), reply.detail());
        }
        return reply.body().stream().filter(t -> code.equals(t.code())).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found"));
    }

    private Map<String, Object> listModel(HttpRequest<?> request, Map<String, String> values) {
        Reply<List<Theme>> reply = Calls.require(downstream.forRequest(request).read(Service.AUDITS, audits::themes));
        if (!reply.ok() || reply.body() == null) {
            throw new HttpStatusException(HttpStatus.valueOf(reply.status()), reply.detail());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("themes", reply.body());
        model.put("themesAvailable", true);
        model.put("form", new HashMap<>(values));
        return model;
    }

    /** After a failed add the form must still show, even if the list cannot be fetched again. */
    private Map<String, Object> listModelOrEmpty(HttpRequest<?> request, Map<String, String> values) {
        try {
            return listModel(request, values);
        } catch (RuntimeException e) {
            Map<String, Object> model = new HashMap<>();
            model.put("themes", List.of());
            model.put("themesAvailable", false);
            model.put("form", new HashMap<>(values));
            return model;
        }
    }
}
