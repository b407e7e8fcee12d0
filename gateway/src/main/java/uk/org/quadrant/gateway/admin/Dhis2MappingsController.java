package uk.org.quadrant.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.indicators.Dhis2Client;
import uk.org.quadrant.gateway.clients.indicators.Dhis2Mappings;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.Option;
import uk.org.quadrant.gateway.web.forms.WriteResult;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * DHIS2 identifiers (issue 20), held by indicators-service: which indicator a DHIS2 data element (optionally with
 * one of its category option combos) is, and which agency an org unit is, so that a real DHIS2 file imports.
 * The manager adds and removes mappings here; everything else about them is the service's (its rules, its change log).
 */
@Controller(value = "/admin/dhis2", produces = MediaType.TEXT_HTML)
@Secured(AdminAccess.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class Dhis2MappingsController {

    private static final String PAGE = "admin/dhis2-mappings";
    /** A DHIS2 UID: 11 letters and digits, the first a letter (the service checks the same). */
    private static final Pattern UID = Pattern.compile("[A-Za-z][A-Za-z0-9]{10}");
    private static final String UID_HINT = "11 letters and digits, the first a letter, for example f7n9E0hX8qk";
    private static final Set<String> ELEMENT_FIELDS = Set.of("dataElement", "categoryOptionCombo", "indicator");
    private static final Set<String> ORG_UNIT_FIELDS = Set.of("orgUnit", "agency");
    private static final Map<String, String> LABELS = Map.of("dataElement", "Data element UID",
            "categoryOptionCombo", "Category option combo UID", "indicator", "Indicator", "orgUnit", "Org unit UID", "agency", "Agency");

    private final Downstream downstream;
    private final Dhis2Client dhis2;
    private final IndicatorsClient indicators;
    private final AgencyRepository agencies;

    Dhis2MappingsController(Downstream downstream, Dhis2Client dhis2, IndicatorsClient indicators, AgencyRepository agencies) {
        this.downstream = downstream;
        this.dhis2 = dhis2;
        this.indicators = indicators;
        this.agencies = agencies;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, @QueryValue @Nullable String notice, @QueryValue @Nullable String subject) {
        Map<String, Object> model = model(request, Map.of(), Map.of());
        model.put("banner", Notice.banner(notice, subject));
        FormErrors.none(model);
        return IndicatorAdminController.page(PAGE, model, HttpStatus.OK);
    }

    @Post(value = "/data-elements", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> mapDataElement(HttpRequest<?> request, @Body Map<String, Object> body) {
        Form form = new Form(body);
        String element = form.value("dataElement");
        String combo = form.value("categoryOptionCombo");
        String indicator = form.value("indicator");
        FormErrors errors = FormErrors.forInputs(ELEMENT_FIELDS, LABELS);
        if (!UID.matcher(element).matches()) {
            errors.add("dataElement", element.isEmpty() ? "Enter the data element's UID" : "Enter the data element's UID: " + UID_HINT);
        }
        if (!combo.isEmpty() && !UID.matcher(combo).matches()) {
            errors.add("categoryOptionCombo", "Enter the category option combo's UID (" + UID_HINT + "), or leave it empty for every combo");
        }
        if (indicator.isEmpty()) {
            errors.add("indicator", "Choose the indicator the data element is");
        }
        Map<String, String> values = Map.of("dataElement", element, "categoryOptionCombo", combo, "indicator", indicator);
        if (errors.isEmpty()) {
            String name = element + (combo.isEmpty() ? "" : " (" + combo + ")");
            HttpResponse<?> done = write(request, () -> dhis2.mapDataElement(element, combo.isEmpty() ? null : combo,
                    new Dhis2Client.IndicatorRef(indicator)), errors, Notice.FIGURE_SET, "The mapping of data element " + name + " to " + indicator);
            if (done != null) {
                return done;
            }
        }
        return failed(request, errors, values, Map.of());
    }

    @Post(value = "/data-elements/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unmapDataElement(HttpRequest<?> request, @Body Map<String, Object> body) {
        Form form = new Form(body);
        String element = form.value("dataElement");
        String combo = form.value("categoryOptionCombo");
        FormErrors errors = FormErrors.forInputs(ELEMENT_FIELDS, LABELS);
        if (!UID.matcher(element).matches() || (!combo.isEmpty() && !UID.matcher(combo).matches())) {
            errors.general("That is not a mapping this page shows: reload the page and try again");
        } else {
            String name = element + (combo.isEmpty() ? "" : " (" + combo + ")");
            HttpResponse<?> done = write(request, () -> dhis2.unmapDataElement(element, combo.isEmpty() ? null : combo), errors,
                    Notice.FIGURE_REMOVED, "The mapping of data element " + name);
            if (done != null) {
                return done;
            }
        }
        return failed(request, errors, Map.of(), Map.of());
    }

    @Post(value = "/org-units", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> mapOrgUnit(HttpRequest<?> request, @Body Map<String, Object> body) {
        Form form = new Form(body);
        String orgUnit = form.value("orgUnit");
        String agency = form.value("agency");
        FormErrors errors = FormErrors.forInputs(ORG_UNIT_FIELDS, LABELS);
        if (!UID.matcher(orgUnit).matches()) {
            errors.add("orgUnit", orgUnit.isEmpty() ? "Enter the org unit's UID" : "Enter the org unit's UID: " + UID_HINT);
        }
        if (agency.isEmpty()) {
            errors.add("agency", "Choose the agency the org unit is");
        }
        Map<String, String> values = Map.of("orgUnit", orgUnit, "agency", agency);
        if (errors.isEmpty()) {
            HttpResponse<?> done = write(request, () -> dhis2.mapOrgUnit(orgUnit, new Dhis2Client.AgencyRef(agency)), errors,
                    Notice.FIGURE_SET, "The mapping of org unit " + orgUnit + " to " + agency);
            if (done != null) {
                return done;
            }
        }
        return failed(request, errors, Map.of(), values);
    }

    @Post(value = "/org-units/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unmapOrgUnit(HttpRequest<?> request, @Body Map<String, Object> body) {
        Form form = new Form(body);
        String orgUnit = form.value("orgUnit");
        FormErrors errors = FormErrors.forInputs(ORG_UNIT_FIELDS, LABELS);
        if (!UID.matcher(orgUnit).matches()) {
            errors.general("That is not a mapping this page shows: reload the page and try again");
        } else {
            HttpResponse<?> done = write(request, () -> dhis2.unmapOrgUnit(orgUnit), errors, Notice.FIGURE_REMOVED,
                    "The mapping of org unit " + orgUnit);
            if (done != null) {
                return done;
            }
        }
        return failed(request, errors, Map.of(), Map.of());
    }

    /** The write, then Post/Redirect/Get; null (the errors filled in) when it was refused or not answered. */
    private <T> @Nullable HttpResponse<?> write(HttpRequest<?> request, Supplier<CompletableFuture<HttpResponse<T>>> call, FormErrors errors,
                                                Notice notice, String subject) {
        var result = WriteResult.awaitAnswer(downstream.forRequest(request).write(Service.INDICATORS, call), Service.INDICATORS);
        Reply<T> reply = result.reply();
        if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
            errors.general(result.unavailableMessage());
        } else if (reply.ok()) {
            return Form.done("/admin/dhis2", notice, subject);
        } else if (reply.status() == 404) {
            errors.general("That mapping no longer exists: someone else may have removed it");
        } else {
            errors.addAll(reply);
        }
        return null;
    }

    private HttpResponse<?> failed(HttpRequest<?> request, FormErrors errors, Map<String, String> element, Map<String, String> orgUnit) {
        Map<String, Object> model = model(request, element, orgUnit);
        model.put("banner", null);
        errors.into(model);
        boolean unanswered = errors.list().stream().anyMatch(e -> e.field().isEmpty() && e.message().contains("did not answer"));
        return IndicatorAdminController.page(PAGE, model, unanswered ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST);
    }

    /** The mappings and the choices (each may be unavailable: the forms still show), with the forms' values. */
    private Map<String, Object> model(HttpRequest<?> request, Map<String, String> element, Map<String, String> orgUnit) {
        Calls calls = downstream.forRequest(request);
        var mappingsCall = calls.read(Service.INDICATORS, dhis2::mappings);
        var indicatorsCall = calls.read(Service.INDICATORS, indicators::indicators);
        Panel<Dhis2Mappings> mappings = Calls.panel(mappingsCall, Service.INDICATORS, Reply::body);
        Panel<List<Indicator>> list = Calls.panel(indicatorsCall, Service.INDICATORS, Reply::body);
        Map<String, Object> model = new HashMap<>();
        Dhis2Mappings m = mappings.available() ? mappings.data() : null;
        model.put("mappingsAvailable", m != null);
        model.put("dataElements", m == null || m.dataElements() == null ? List.of() : m.dataElements());
        model.put("orgUnits", m == null || m.orgUnits() == null ? List.of() : m.orgUnits());
        List<Indicator> all = list.available() && list.data() != null ? list.data() : List.of();
        model.put("indicatorOptions", all.stream().sorted(Comparator.comparing(Indicator::code))
                .map(i -> new Option(i.code(), i.code() + " – " + i.title())).toList());
        model.put("agencyOptions", agencies.listOrderByName().stream().map(a -> new Option(a.code(), a.name() + " (" + a.code() + ")")).toList());
        model.put("elementForm", new HashMap<>(Map.of("dataElement", element.getOrDefault("dataElement", ""),
                "categoryOptionCombo", element.getOrDefault("categoryOptionCombo", ""), "indicator", element.getOrDefault("indicator", ""))));
        model.put("orgUnitForm", new HashMap<>(Map.of("orgUnit", orgUnit.getOrDefault("orgUnit", ""), "agency", orgUnit.getOrDefault("agency", ""))));
        return model;
    }
}
