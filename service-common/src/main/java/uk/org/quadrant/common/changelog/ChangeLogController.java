package uk.org.quadrant.common.changelog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.ServiceOnly;

import java.util.List;

/** The audit trail of this service, for the board manager (who changed what, when, from what to what). */
@ServiceOnly
@Controller("/api/v1/change-log")
@Secured("BOARD_MANAGER")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChangeLogController {

    private final ChangeLogRepository repository;

    ChangeLogController(ChangeLogRepository repository) {
        this.repository = repository;
    }

    @Get
    List<ChangeLogEntry> list(@QueryValue @Nullable @Size(min = 1, max = 64) String entityType,
                              @QueryValue @Nullable @Size(min = 1, max = 200) String entityId,
                              @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit) {
        Pageable page = Pageable.from(0, limit);
        if (entityType != null && entityId != null) {
            return repository.findByEntityTypeAndEntityIdOrderByIdDesc(entityType, entityId, page);
        }
        return repository.listOrderByIdDesc(page);
    }
}
