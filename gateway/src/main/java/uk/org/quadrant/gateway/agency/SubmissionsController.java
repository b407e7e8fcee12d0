package uk.org.quadrant.gateway.agency;

import uk.org.quadrant.gateway.identity.directory.AgencyNames;
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
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.indicators.Submissions;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.FormErrors.Field;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.periods.Periods;
import uk.org.quadrant.gateway.web.forms.WriteResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    static final String VIEW = "agency/submissions";
    private static final Pattern PERIOD = Pattern.compile("[0-9A-Za-z]{4,12}");

    private final Downstream downstream;
    private final IndicatorsClient indicators;
    private final Periods periods;
    private final AgencyNames agencies;
    private final ApprovalsWaiting waiting;

    SubmissionsController(Downstream downstream, IndicatorsClient indicators, Periods periods, AgencyNames agencies,
                          ApprovalsWaiting waiting) {
        this.waiting = waiting;
        this.downstream = downstream;
        this.indicators = indicators;
        this.periods = periods;
        this.agencies = agencies;
    }

    /**
     * One submitted value awaiting a decision, with what the decision needs beside it: the period's target
     * and the previous period's approved value ("607 in 2016/17"); the agency by code (for the form) and name.
     */
    public record Row(String indicator, String title, String agency, String agencyName, @Nullable Object value, @Nullable Object comment,
                      @Nullable Object submittedBy, @Nullable Object version, @Nullable String target, @Nullable String previous) {

        public String key() {
            return key(indicator, agency);
        }

        /** The form fields' key of one indicator's value from one agency. */
        static String key(String indicator, String agency) {
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
        String key = Row.key(indicator, agency);
        Calls calls = downstream.forRequest(request);
        FormErrors errors = new FormErrors(Map.of("reason", new Field("reason-" + key, "Reason")), "reason-" + key);
        boolean giveBack = decision.equals("return");
        if (giveBack && form.text("reason") == null) {
            errors.add("reason", "Enter the reason for returning " + indicator + " to " + agency);
            return Form.page(HttpStatus.BAD_REQUEST, VIEW, model(calls, p, errors, key, form.text("reason"), null));
        }
        IndicatorsClient.Decision body = new IndicatorsClient.Decision(agency, form.version(), giveBack ? form.text("reason") : null);
        WriteResult<?> result = WriteResult.await(calls.write(Service.INDICATORS, () -> indicators.decide(indicator, p, decision, body)),
                Service.INDICATORS);
        return switch (result.kind()) {
            case DONE -> {
                waiting.changed(request);
                yield Form.done("/board/submissions?period=" + p, giveBack ? Notice.VALUE_RETURNED : Notice.VALUE_APPROVED);
            }
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
        Reply<Submissions> status = Calls.require(calls.read(Service.INDICATORS, () -> indicators.submissions(period)));
        Map<String, String> names = agencies.byCode();
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
        // one call: the service sends each submitted value with its version, target and previous value
        List<Row> rows = new ArrayList<>();
        Submissions submissions = status.body();
        for (Submissions.AgencyReturns returns : submissions == null || submissions.agencies() == null
                ? List.<Submissions.AgencyReturns>of() : submissions.agencies()) {
            if (returns.items() == null) {
                continue;
            }
            String agency = String.valueOf(returns.agency());
            for (Submissions.Item item : returns.items()) {
                if ("SUBMITTED".equals(item.status())) {
                    rows.add(new Row(String.valueOf(item.code()), String.valueOf(item.title()), agency, names.getOrDefault(agency, agency),
                            item.value() == null ? null : ValueFormController.plain(item.value()), item.comment(), item.submittedBy(),
                            item.version(), item.target() == null ? null : ValueFormController.plain(item.target()),
                            item.previousValue() == null ? null
                                    : ValueFormController.plain(item.previousValue()) + " in " + item.previousPeriodLabel()));
                }
            }
        }
        model.put("rows", rows);
        return model;
    }
}
