package uk.org.quadrant.audits.readlog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.problem.InvalidRequestException;

import java.time.Instant;
import java.util.List;

/**
 * Who read case-level audit data, newest first, for the board manager only:
 * {@code GET /api/v1/read-log?from=&to=&user=&page=&size=} ({@code from} inclusive, {@code to}
 * exclusive, both ISO instants; {@code page} from 0). Read-only: there is no route that changes it.
 */
@Controller("/api/v1/read-log")
@Secured(Caller.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReadLogController {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final CaseReadLog log;

    ReadLogController(CaseReadLog log) {
        this.log = log;
    }

    @Serdeable
    record ReadLogPage(List<CaseRead> items, int page, int size, long totalItems, int totalPages) {
    }

    @Get
    ReadLogPage list(@QueryValue @Nullable Instant from, @QueryValue @Nullable Instant to,
                     @QueryValue @Nullable @Size(min = 1, max = 100) String user,
                     @QueryValue(defaultValue = "0") @Min(0) @Max(100000) int page,
                     @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        Instant start = from == null ? EARLIEST : from;
        Instant end = to == null ? LATEST : to;
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("id")));
        Page<CaseRead> result = user == null
                ? log.findByReadAtGreaterThanEqualsAndReadAtLessThan(start, end, pageable)
                : log.findByReadByAndReadAtGreaterThanEqualsAndReadAtLessThan(user, start, end, pageable);
        return new ReadLogPage(result.getContent(), page, size, result.getTotalSize(), result.getTotalPages());
    }
}
