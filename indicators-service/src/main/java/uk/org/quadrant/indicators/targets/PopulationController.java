package uk.org.quadrant.indicators.targets;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.common.problem.InvalidRequestException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Population denominators used to compute rates per 10,000. */
@Controller("/api/v1/populations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PopulationController {

    private final PopulationRepository populations;
    private final ChangeRecorder changes;

    PopulationController(PopulationRepository populations, ChangeRecorder changes) {
        this.populations = populations;
        this.changes = changes;
    }

    @Get
    List<Population> list() {
        return populations.listInOrder();
    }

    @Put("/{code}/{year}")
    @Secured(Caller.MANAGER)
    @Transactional
    Population put(@PathVariable @Pattern(regexp = "[A-Z0-9_]{1,40}") String code, @PathVariable @Min(1900) @Max(2200) int year,
                   @Body @Valid FigureRequest body, Caller caller) {
        if (body.value().signum() <= 0 || body.value().stripTrailingZeros().scale() > 0) {
            throw new InvalidRequestException("value", "a population must be a positive whole number");
        }
        Optional<Population> current = populations.findByPopulationCodeAndPopulationYear(code, year);
        Population next = new Population(current.map(Population::id).orElse(null), code, year, body.value().longValueExact(),
                caller.username(), Instant.now());
        Population saved = current.isPresent() ? populations.update(next) : populations.save(next);
        changes.record(caller, "population", code + "/" + year, current.isPresent() ? "UPDATE" : "CREATE",
                current.map(Population::populationValue).orElse(null), saved.populationValue());
        return saved;
    }
}
