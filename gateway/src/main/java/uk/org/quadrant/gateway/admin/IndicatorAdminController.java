package uk.org.quadrant.gateway.admin;

import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.WriteResult;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.Option;
import uk.org.quadrant.gateway.web.words.Words;

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
import io.micronaut.views.ModelAndView;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.Service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indicator definitions, held by indicators-service: list, add, edit (with the version read, so a
 * concurrent edit is a 409 and not a lost update). The service validates; its field errors are shown
 * next to the fields.
 */
@Controller(value = "/admin/indicators", produces = MediaType.TEXT_HTML)
@Secured(AdminAccess.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class IndicatorAdminController {

    static final List<Option> UNITS = options("COUNT", "PERCENT", "RATE_PER_10K", "DAYS");
    static final List<Option> POLARITIES = options("HIGHER_IS_BETTER", "LOWER_IS_BETTER", "NEUTRAL");
    static final List<Option> FREQUENCIES = options("MONTHLY", "FINANCIAL_QUARTER", "FINANCIAL_YEAR", "ACADEMIC_YEAR", "CALENDAR_YEAR",
            "CALENDAR_QUARTER");

    private static List<Option> options(String... codes) {
        return java.util.Arrays.stream(codes).map(c -> new Option(c, Words.of(c))).toList();
    }
    static final Set<String> FIELDS = Set.of("code", "title", "description", "unit", "polarity", "frequency", "ownerAgency",
            "priority", "tolerancePercent", "numeratorLabel", "denominatorLabel", "population", "published", "active");
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("code", "Code"), Map.entry("title", "Title"),
            Map.entry("description", "Description"), Map.entry("unit", "Unit"), Map.entry("polarity", "Polarity"),
            Map.entry("frequency", "Frequency"), Map.entry("ownerAgency", "Owning agency"),
            Map.entry("priority", "Business plan priority"), Map.entry("tolerancePercent", "Tolerance"),
            Map.entry("numeratorLabel", "Numerator label"), Map.entry("denominatorLabel", "Denominator label"),
            Map.entry("population", "Population"), Map.entry("version", "Version"));

    private final Downstream downstream;
    private final IndicatorsClient indicators;
    private final AgencyRepository agencies;

    IndicatorAdminController(Downstream downstream, IndicatorsClient indicators, AgencyRepository agencies) {
        this.downstream = downstream;
        this.indicators = indicators;
        this.agencies = agencies;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, @QueryValue @Nullable String notice, @QueryValue @Nullable String subject) {
        Reply<List<Indicator>> reply = Calls.require(downstream.forRequest(request).read(Service.INDICATORS, indicators::indicators));
        if (!reply.ok() || reply.body() == null) {
            throw new HttpStatusException(HttpStatus.valueOf(reply.status()), reply.detail());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("indicators", reply.body());
        model.put("banner", Notice.banner(notice, subject));
        return page("admin/indicators", model, HttpStatus.OK);
    }

    @Get("/new")
    HttpResponse<?> addForm() {
        Map<String, Object> values = new HashMap<>();
        values.put("tolerancePercent", "10");
        values.put("published", true);
        values.put("active", true);
        Map<String, Object> model = formModel(values, false);
        FormErrors.none(model);
        return page("admin/indicator-form", model, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, @Body Map<String, Object> body) {
        Form form = new Form(body);
        FormErrors errors = FormErrors.byInputName();
        IndicatorsClient.Definition json = definition(form, errors);
        Map<String, Object> values = values(form);
        if (errors.isEmpty()) {
            var result = WriteResult.awaitAnswer(downstream.forRequest(request).write(Service.INDICATORS, () -> indicators.define(json)), Service.INDICATORS);
            var reply = result.reply();
            if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
                errors.general(result.unavailableMessage());
                return formPage(values, false, errors, HttpStatus.SERVICE_UNAVAILABLE);
            }
            if (reply.ok()) {
                return Form.done("/admin/indicators/" + Calls.enc(form.value("code")) + "/figures", Notice.INDICATOR_ADDED, form.value("code"));
            }
            if (reply.status() == 409) {
                errors.add("code", "An indicator with code " + form.value("code") + " already exists");
            } else {
                errors = FormErrors.forInputs(FIELDS, LABELS).addAll(reply);
            }
        }
        return formPage(values, false, errors, HttpStatus.BAD_REQUEST);
    }

    @Get("/{code}")
    HttpResponse<?> editForm(HttpRequest<?> request, @PathVariable String code) {
        Indicator indicator = fetch(request, code);
        Map<String, Object> model = formModel(fromIndicator(indicator), true);
        model.put("version", indicator.version());
        FormErrors.none(model);
        return page("admin/indicator-form", model, HttpStatus.OK);
    }

    @Post(value = "/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(HttpRequest<?> request, @PathVariable String code, @Body Map<String, Object> body) {
        Form form = new Form(body);
        FormErrors errors = FormErrors.byInputName();
        Long version = parseLong(form.value("version"));
        IndicatorsClient.Definition json = definition(form, errors).withCode(code, version);
        Map<String, Object> values = values(form);
        values.put("code", code);
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (errors.isEmpty()) {
            var result = WriteResult.awaitAnswer(downstream.forRequest(request)
                    .write(Service.INDICATORS, () -> indicators.redefine(code, json)), Service.INDICATORS);
            var reply = result.reply();
            if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
                errors.general(result.unavailableMessage());
                status = HttpStatus.SERVICE_UNAVAILABLE;
            } else if (reply.ok()) {
                return Form.done("/admin/indicators", Notice.INDICATOR_SAVED, code);
            } else if (reply.status() == 404) {
                throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
            } else if (reply.status() == 409) {
                Indicator current = fetch(request, code);
                Map<String, Object> model = formModel(fromIndicator(current), true);
                model.put("version", current.version());
                model.put("conflict", true);
                FormErrors.none(model);
                return page("admin/indicator-form", model, HttpStatus.CONFLICT);
            } else {
                errors = FormErrors.forInputs(FIELDS, LABELS).addAll(reply);
            }
        }
        Map<String, Object> model = formModel(values, true);
        model.put("version", version);
        errors.into(model);
        return page("admin/indicator-form", model, status);
    }

    /** The JSON indicators-service expects ({@code IndicatorDefinition}); numbers are checked here, the rest there. */
    private static IndicatorsClient.Definition definition(Form form, FormErrors errors) {
        Integer priority = null;
        if (form.value("priority").isEmpty()) {
            errors.add("priority", "Enter the business plan priority, a whole number from 1 to 8");
        } else {
            try {
                priority = Integer.valueOf(form.value("priority"));
            } catch (NumberFormatException e) {
                errors.add("priority", "Business plan priority must be a whole number from 1 to 8");
            }
        }
        BigDecimal tolerance = null;
        if (!form.value("tolerancePercent").isEmpty()) {
            try {
                tolerance = new BigDecimal(form.value("tolerancePercent"));
            } catch (NumberFormatException e) {
                errors.add("tolerancePercent", "Tolerance must be a number from 0 to 100, for example 10");
            }
        }
        return new IndicatorsClient.Definition(form.value("code"), form.value("title"), blankToNull(form.value("description")),
                blankToNull(form.value("unit")), blankToNull(form.value("polarity")), blankToNull(form.value("frequency")),
                form.value("ownerAgency"), priority, tolerance, blankToNull(form.value("numeratorLabel")),
                blankToNull(form.value("denominatorLabel")), blankToNull(form.value("population")), form.checked("published"),
                form.checked("active"), null);
    }

    private static Map<String, Object> values(Form form) {
        Map<String, Object> values = new HashMap<>();
        for (String field : FIELDS) {
            values.put(field, form.value(field));
        }
        values.put("published", form.checked("published"));
        values.put("active", form.checked("active"));
        return values;
    }

    private static Map<String, Object> fromIndicator(Indicator i) {
        Map<String, Object> values = new HashMap<>();
        values.put("code", text(i.code()));
        values.put("title", text(i.title()));
        values.put("description", text(i.description()));
        values.put("unit", text(i.unit()));
        values.put("polarity", text(i.polarity()));
        values.put("frequency", text(i.frequency()));
        values.put("ownerAgency", text(i.ownerAgency()));
        values.put("priority", text(i.priority()));
        values.put("tolerancePercent", text(i.tolerancePercent()));
        values.put("numeratorLabel", text(i.numeratorLabel()));
        values.put("denominatorLabel", text(i.denominatorLabel()));
        values.put("population", text(i.population()));
        values.put("published", Boolean.TRUE.equals(i.published()));
        values.put("active", Boolean.TRUE.equals(i.active()));
        return values;
    }

    private static String text(@Nullable Object v) {
        return v == null ? "" : v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString();
    }

    /** The indicator as the service holds it; a code it does not know is this site's 404. */
    private Indicator fetch(HttpRequest<?> request, String code) {
        Reply<Indicator> reply = Calls.require(downstream.forRequest(request).read(Service.INDICATORS, () -> indicators.indicator(code)));
        if (reply.status() == 404) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        if (!reply.ok() || reply.body() == null) {
            throw new HttpStatusException(HttpStatus.valueOf(reply.status()), reply.detail());
        }
        return reply.body();
    }

    private HttpResponse<?> formPage(Map<String, Object> values, boolean editing, FormErrors errors, HttpStatus status) {
        Map<String, Object> model = formModel(values, editing);
        errors.into(model);
        return page("admin/indicator-form", model, status);
    }

    private Map<String, Object> formModel(Map<String, Object> values, boolean editing) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", values);
        model.put("editing", editing);
        model.put("unitOptions", UNITS);
        model.put("polarityOptions", POLARITIES);
        model.put("frequencyOptions", FREQUENCIES);
        model.put("agencyOptions", agencies.listOrderByName().stream().map(a -> new Option(a.code(), a.name() + " (" + a.code() + ")")).toList());
        return model;
    }

    static @Nullable String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static @Nullable Long parseLong(String s) {
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }
}
