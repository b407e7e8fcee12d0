package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.common.paging.Paging;

import java.util.List;

/**
 * The board manager's API for reminders: run the rules now, as the scheduler would (idempotent: a
 * second run the same day queues nothing new), and read the outbox, newest first.
 */
@Controller(value = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON)
@Secured("BOARD_MANAGER")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationsController {

    private final ReminderRun run;
    private final OutboxRepository outbox;

    NotificationsController(ReminderRun run, OutboxRepository outbox) {
        this.run = run;
        this.outbox = outbox;
    }

    /** {@code {"queued","sent","failed","unavailable"}}. */
    @Post("/run")
    ReminderRun.Result run(Authentication authentication) {
        return run.run(authentication.getName());
    }

    /** Paged with {@code page} (from 0) and {@code size}; the total in {@code X-Total-Count}. */
    @Get("/outbox")
    HttpResponse<List<OutboxItem>> outbox(@QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        Paging p = paging == null ? new Paging(0, Paging.DEFAULT_SIZE) : paging;
        var rows = outbox.newestFirst(Pageable.from(p.page(), p.size(), Sort.UNSORTED));
        return HttpResponse.ok(rows.getContent().stream().map(OutboxItem::of).toList())
                .header(Paging.TOTAL_HEADER, Long.toString(rows.getTotalSize()));
    }
}
