package uk.org.quadrant.gateway.agency;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.gateway.identity.directory.Agency;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.indicators.Value;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.FormErrors.Field;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.periods.Periods;
import uk.org.quadrant.gateway.web.forms.ReturnTo;
import uk.org.quadrant.gateway.web.forms.WriteResult;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Entering an agency's value for one indicator and period: save as a draft (anyone in the agency,
 * or the board manager) or save and submit for approval (the agency's lead, or the manager). The
 * figure goes to indicators-service as {@code PUT .../values/{period}} with the version read, then
 * {@code POST .../submit}; each write is sent once.
 */
@Controller(value = "/agency/{code}/values/{indicator}/{period}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ValueFormController {

    static final String VIEW = "agency/value";
    private static final Map<String, Field> FIELDS = Map.of(
            "value", new Field("value", "Value"),
            "numerator", new Field("numerator", "Numerator"),
            "denominator", new Field("denominator", "Denominator"),
            "comment", new Field("comment", "Commentary"));

    private final Downstream downstream;
    private final IndicatorsClient indicators;
    private final AgencyGuard guard;

    ValueFormController(Downstream downstream, IndicatorsClient indicators, AgencyGuard guard) {
        this.downstream = downstream;
        this.indicators = indicators;
        this.guard = guard;
    }

    @Get
    HttpResponse<?> show(@PathVariable String code, @PathVariable String indicator, @PathVariable String period,
                         @QueryValue @Nullable String returnTo, HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Agency agency = guard.require(user, code);
        Map<String, Object> model = model(downstream.forRequest(request), user, agency, indicator, period);
        Value value = current(model);
        Map<String, Object> input = new HashMap<>();
        if (value != null) {
            input.put("value", plain(value.value()));
            input.put("numerator", plain(value.numerator()));
            input.put("denominator", plain(value.denominator()));
            input.put("comment", value.comment());
            input.put("version", value.version());
        }
        model.put("input", input);
        model.put("returnTo", ReturnTo.or(returnTo, "/agency/" + code));
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"AGENCY_CONTRIBUTOR", "AGENCY_LEAD", "BOARD_MANAGER"})
    HttpResponse<?> save(@PathVariable String code, @PathVariable String indicator, @PathVariable String period,
                         @Body Map<String, Object> posted, HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Agency agency = guard.require(user, code);
        Form form = new Form(posted);
        boolean submit = "submit".equals(form.text("action"));
        String back = ReturnTo.or(form.text("returnTo"), "/agency/" + code);
        if (submit && !maySubmit(user, code)) {
            throw new io.micronaut.http.exceptions.HttpStatusException(HttpStatus.FORBIDDEN,
                    "Only the agency's lead or the board manager submits values for approval");
        }
        FormErrors errors = new FormErrors(FIELDS, "value");
        BigDecimal value = form.number("value", "value", "Value", errors);
        BigDecimal numerator = form.number("numerator", "numerator", "Numerator", errors);
        BigDecimal denominator = form.number("denominator", "denominator", "Denominator", errors);
        Calls calls = downstream.forRequest(request);
        if (!errors.isEmpty()) {
            return again(HttpStatus.BAD_REQUEST, calls, user, agency, indicator, period, posted, back, errors, false, null);
        }
        IndicatorsClient.ValueRequest body = new IndicatorsClient.ValueRequest(code, value, numerator, denominator,
                form.text("comment"), form.version());
        WriteResult<?> saved = WriteResult.await(calls.write(Service.INDICATORS, () -> indicators.saveValue(indicator, period, body)),
                Service.INDICATORS);
        if (!saved.done()) {
            return failed(saved, calls, user, agency, indicator, period, posted, back, null);
        }
        if (!submit) {
            return Form.done(back, maySubmit(user, code) ? Notice.VALUE_SAVED : Notice.VALUE_SAVED_FOR_LEAD);
        }
        IndicatorsClient.Decision act = new IndicatorsClient.Decision(code,
                saved.reply().body() instanceof Value v ? v.version() : null, null);
        WriteResult<?> submitted = WriteResult.await(calls.write(Service.INDICATORS, () -> indicators.decide(indicator, period, "submit", act)),
                Service.INDICATORS);
        if (!submitted.done()) {
            return failed(submitted, calls, user, agency, indicator, period, posted, back,
                    "Your value was saved as a draft but not submitted.");
        }
        return Form.done(back, Notice.VALUE_SUBMITTED);
    }

    private HttpResponse<?> failed(WriteResult<?> result, Calls calls, CurrentUser user, Agency agency, String indicator, String period,
                                   Map<String, Object> posted, String back, @Nullable String prefix) {
        FormErrors errors = new FormErrors(FIELDS, "value");
        String unavailable = null;
        switch (result.kind()) {
            case INVALID -> errors.addAll(result.reply());
            case UNAVAILABLE -> unavailable = result.unavailableMessage();
            default -> {
            }
        }
        if (prefix != null && result.kind() == WriteResult.Kind.INVALID) {
            errors.add("", prefix + " " + result.reply().detail());
        }
        return again(result.status(), calls, user, agency, indicator, period, posted, back, errors,
                result.kind() == WriteResult.Kind.CONFLICT, unavailable);
    }

    /** The form again: the service's values read afresh, the user's input as they typed it. */
    private HttpResponse<?> again(HttpStatus status, Calls calls, CurrentUser user, Agency agency, String indicator, String period,
                                  Map<String, Object> posted, String back, FormErrors errors, boolean conflict,
                                  @Nullable String unavailable) {
        Map<String, Object> model = model(calls, user, agency, indicator, period);
        Map<String, Object> input = new HashMap<>(posted);
        Value value = current(model);
        if (conflict) {
            Map<String, Object> latest = new LinkedHashMap<>();
            if (value == null) {
                latest.put("Status", "No value saved");
            } else {
                latest.put("Value", plain(value.value()));
                if (value.numerator() != null) {
                    latest.put("Numerator", plain(value.numerator()));
                    latest.put("Denominator", plain(value.denominator()));
                }
                latest.put("Commentary", value.comment() == null ? "None" : value.comment());
                latest.put("Status", status(String.valueOf(value.status())));
                latest.put("Last changed by", value.updatedBy());
                // Saving again from here overwrites what is now saved, knowingly.
                input.put("version", value.version());
            }
            model.put("latest", latest);
        }
        model.put("input", input);
        model.put("errors", errors.list());
        model.put("fieldErrors", errors.byField());
        model.put("unavailable", unavailable);
        model.put("returnTo", back);
        return Form.page(status, VIEW, model);
    }

    private Map<String, Object> model(Calls calls, CurrentUser user, Agency agency, String indicator, String period) {
        CompletableFuture<Reply<Indicator>> definition = calls.read(Service.INDICATORS, () -> indicators.indicator(indicator));
        CompletableFuture<Reply<Value>> value = calls.read(Service.INDICATORS, () -> indicators.value(indicator, period, agency.code()));
        Reply<Indicator> def = Calls.require(definition);
        if (def.status() == 404 || def.status() == 403 || !def.ok() || def.body() == null) {
            throw AgencyGuard.notFound();
        }
        Reply<Value> current = Calls.require(value);
        Map<String, Object> model = new HashMap<>();
        model.put("agency", agency);
        model.put("indicator", def.body());
        model.put("period", period);
        model.put("periodLabel", Periods.label(period));
        String unit = String.valueOf(def.body().unit());
        model.put("fraction", unit.equals("PERCENT") || unit.equals("RATE_PER_10K"));
        model.put("unitLabel", switch (unit) {
            case "PERCENT" -> "per cent";
            case "RATE_PER_10K" -> "per 10,000 children";
            case "DAYS" -> "days";
            default -> "count";
        });
        Value saved = current.ok() ? current.body() : null;
        model.put("current", saved);
        String state = saved == null ? null : String.valueOf(saved.status());
        model.put("statusText", state == null ? "Not started" : status(state));
        boolean editable = state == null || state.equals("DRAFT") || state.equals("RETURNED");
        model.put("editable", editable && user.mayWrite());
        model.put("maySubmit", maySubmit(user, agency.code()));
        model.put("errors", List.of());
        model.put("fieldErrors", Map.of());
        return model;
    }

    private static Value current(Map<String, Object> model) {
        return (Value) model.get("current");
    }

    private static boolean maySubmit(CurrentUser user, String agency) {
        return user.isManager() || (user.isLead() && agency.equals(user.agencyCode()));
    }

    static String status(String state) {
        return switch (state) {
            case "DRAFT" -> "Draft";
            case "SUBMITTED" -> "Submitted, awaiting approval";
            case "APPROVED" -> "Approved";
            case "RETURNED" -> "Returned";
            default -> state;
        };
    }

    static String plain(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : o.toString();
    }
}
