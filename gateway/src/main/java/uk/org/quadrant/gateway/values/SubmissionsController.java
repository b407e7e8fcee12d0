package uk.org.quadrant.gateway.values;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
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
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;
import uk.org.quadrant.gateway.forms.AgencyGuard;
import uk.org.quadrant.gateway.forms.Form;
import uk.org.quadrant.gateway.forms.FormErrors;
import uk.org.quadrant.gateway.forms.FormErrors.Field;
import uk.org.quadrant.gateway.forms.Notice;
import uk.org.quadrant.gateway.forms.Periods;
import uk.org.quadrant.gateway.forms.WriteResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The board manager's sign-off: values agencies have submitted for a period, each approved or
 * returned with a reason. Each decision is one write to indicators-service with the version shown,
 * so a value changed since the page was drawn is a conflict, not a blind approval.
 */
@Controller(value = "/board/submissions", produces = MediaType.TEXT_HTML)
@Secured("BOARD_MANAGER")
@ExecuteOn(TaskExecutors.BLOCKING)
class SubmissionsController {

    static final String VIEW = "forms/submissions";
    private static final Pattern PERIOD = Pattern.compile("[0-9A-Za-z]{4,12}");

    private final Downstream downstream;
    private final Periods periods;

    SubmissionsController(Downstream downstream, Periods periods) {
        this.downstream = downstream;
        this.periods = periods;
    }

    /** One submitted value awaiting a decision. */
    public record Row(String indicator, String title, String agency, @Nullable Object value, @Nullable Object comment,
                      @Nullable Object submittedBy, @Nullable Object version) {

        public String key() {
            return (indicator + "-" + agency).replaceAll("[^A-Za-z0-9-]", "-");
        }
    }

    @Get
    HttpResponse<?> list(@QueryValue @Nullable String period, @QueryValue @Nullable String notice, HttpRequest<?> request) {
        String p = period(period);
        Map<String, Object> model = model(downstream.forRequest(request), p, FormErrors.none(), null, null, null);
        Notice.parse(notice).ifPresent(n -> model.put("notice", n.text()));
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    @Post(value = "/{indicator}/{period}/{agency}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(@PathVariable String indicator, @PathVariable String period, @PathVariable String agency,
                            @Body Map<String, Object> posted, HttpRequest<?> request) {
        return decide(indicator, period, agency, "approve", new Form(posted), request);
    }

    @Post(value = "/{indicator}/{period}/{agency}/return", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> giveBack(@PathVariable String indicator, @PathVariable String period, @PathVariable String agency,
                             @Body Map<String, Object> posted, HttpRequest<?> request) {
        return decide(indicator, period, agency, "return", new Form(posted), request);
    }

    private HttpResponse<?> decide(String indicator, String period, String agency, String decision, Form form, HttpRequest<?> request) {
        String p = period(period);
        String key = new Row(indicator, "", agency, null, null, null, null).key();
        Calls calls = downstream.forRequest(request);
        FormErrors errors = new FormErrors(Map.of("reason", new Field("reason-" + key, "Reason")), "reason-" + key);
        boolean giveBack = decision.equals("return");
        if (giveBack && form.text("reason") == null) {
            errors.add("reason", "Enter the reason for returning " + indicator + " to " + agency);
            return Form.page(HttpStatus.BAD_REQUEST, VIEW, model(calls, p, errors, key, form.text("reason"), null));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agency", agency);
        body.put("version", form.version());
        if (giveBack) {
            body.put("reason", form.text("reason"));
        }
        WriteResult result = WriteResult.send(calls, Service.INDICATORS, HttpMethod.POST,
                "/api/v1/indicators/" + Calls.enc(indicator) + "/values/" + Calls.enc(p) + "/" + decision, body);
        return switch (result.kind()) {
            case DONE -> Form.done("/board/submissions?period=" + p, giveBack ? Notice.VALUE_RETURNED : Notice.VALUE_APPROVED);
            case INVALID -> Form.page(result.status(), VIEW, model(calls, p, errors.addAll(result.reply()), key, form.text("reason"), null));
            case UNAVAILABLE -> Form.page(result.status(), VIEW, model(calls, p, errors, key, form.text("reason"), result.unavailableMessage()));
            case CONFLICT -> {
                Map<String, Object> model = model(calls, p, errors, key, form.text("reason"), null);
                model.put("conflictKey", key);
                yield Form.page(result.status(), VIEW, model);
            }
        };
    }

    private String period(@Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return periods.due().get("FINANCIAL_YEAR");
        }
        if (!PERIOD.matcher(requested).matches()) {
            throw AgencyGuard.notFound();
        }
        return requested;
    }

    /** The submitted values of the period, read afresh (so after a conflict the page shows what is there now). */
    private Map<String, Object> model(Calls calls, String period, FormErrors errors, @Nullable String errorKey,
                                      @Nullable String reason, @Nullable String unavailable) {
        Reply status = Calls.require(calls.get(Service.INDICATORS, "/api/v1/submissions?period=" + Calls.enc(period)));
        Map<String, Object> model = new HashMap<>();
        model.put("period", period);
        model.put("periodLabel", Periods.label(period));
        model.put("errors", errors.list());
        model.put("fieldErrors", errors.byField());
        model.put("errorKey", errorKey);
        model.put("reason", reason);
        model.put("unavailable", unavailable);
        model.put("dueByFrequency", periods.due().values().stream().map(p -> Map.of("id", p, "label", Periods.label(p))).toList());
        if (!status.ok()) {
            model.put("rows", List.of());
            model.put("problem", status.detail());
            return model;
        }
        record Pending(String indicator, String title, String agency, CompletableFuture<Reply> value) {
        }
        List<Pending> pending = new ArrayList<>();
        Object agencies = status.map().get("agencies");
        if (agencies instanceof List<?> list) {
            for (Object a : list) {
                if (!(a instanceof Map<?, ?> returns) || !(returns.get("items") instanceof List<?> items)) {
                    continue;
                }
                String agency = String.valueOf(returns.get("agency"));
                for (Object i : items) {
                    if (i instanceof Map<?, ?> item && "SUBMITTED".equals(item.get("status"))) {
                        String code = String.valueOf(item.get("code"));
                        pending.add(new Pending(code, String.valueOf(item.get("title")), agency, calls.get(Service.INDICATORS,
                                "/api/v1/indicators/" + Calls.enc(code) + "/values/" + Calls.enc(period) + "?agency=" + Calls.enc(agency))));
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Pending p : pending) {
            Map<String, Object> v = Calls.panel(p.value(), Service.INDICATORS, Reply::map).data();
            Map<String, Object> value = v == null ? Map.of() : v;
            rows.add(new Row(p.indicator(), p.title(), p.agency(), ValueFormController.plain(value.get("value")), value.get("comment"),
                    value.get("submittedBy"), value.get("version")));
        }
        model.put("rows", rows);
        return model;
    }
}
