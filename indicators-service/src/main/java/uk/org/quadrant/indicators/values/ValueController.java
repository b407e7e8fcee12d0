package uk.org.quadrant.indicators.values;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.domain.ValueAction;

import java.util.List;

/** Values of one indicator and their sign-off. */
@Controller("/api/v1/indicators/{code}/values")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ValueController {

    private final ValueService service;

    ValueController(ValueService service) {
        this.service = service;
    }

    @Get
    List<ValueView> list(@PathVariable String code, Caller caller) {
        return service.list(code, caller);
    }

    @Get("/{period}")
    ValueView get(@PathVariable String code, @PathVariable String period, @QueryValue @Nullable String agency, Caller caller) {
        return service.get(code, period, agency, caller);
    }

    @Put("/{period}")
    @Secured({Caller.CONTRIBUTOR, Caller.LEAD, Caller.MANAGER})
    ValueView put(@PathVariable String code, @PathVariable String period, @Body @Valid ValueRequest body, Caller caller) {
        return service.put(code, period, body, caller);
    }

    @Post("/{period}/submit")
    @Secured({Caller.LEAD, Caller.MANAGER})
    ValueView submit(@PathVariable String code, @PathVariable String period, @Body @Nullable @Valid ActionRequest body, Caller caller) {
        return service.act(code, period, ValueAction.SUBMIT, orEmpty(body), caller);
    }

    @Post("/{period}/approve")
    @Secured(Caller.MANAGER)
    ValueView approve(@PathVariable String code, @PathVariable String period, @Body @Nullable @Valid ActionRequest body, Caller caller) {
        return service.act(code, period, ValueAction.APPROVE, orEmpty(body), caller);
    }

    @Post("/{period}/return")
    @Secured(Caller.MANAGER)
    ValueView returnValue(@PathVariable String code, @PathVariable String period, @Body @Nullable @Valid ActionRequest body, Caller caller) {
        return service.act(code, period, ValueAction.RETURN, orEmpty(body), caller);
    }

    @Post("/{period}/reopen")
    @Secured(Caller.MANAGER)
    ValueView reopen(@PathVariable String code, @PathVariable String period, @Body @Nullable @Valid ActionRequest body, Caller caller) {
        return service.act(code, period, ValueAction.REOPEN, orEmpty(body), caller);
    }

    private static ActionRequest orEmpty(ActionRequest body) {
        return body == null ? ActionRequest.EMPTY : body;
    }
}
