package uk.org.quadrant.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The admin start page, and the history of changes to users and agencies. */
@Controller(value = "/admin", produces = MediaType.TEXT_HTML)
@Secured(AdminAccess.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminHomeController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final ChangeLogRepository changes;

    AdminHomeController(ChangeLogRepository changes) {
        this.changes = changes;
    }

    @Get
    @View("admin/home")
    Map<String, Object> home() {
        return new HashMap<>();
    }

    /** One row of the history as the page shows it. */
    record ChangeRow(String when, String who, String agency, String what, String id, String action,
                     String oldValue, String newValue) {
    }

    @Get("/changes")
    @View("admin/changes")
    Map<String, Object> changes(@QueryValue @Nullable Integer page) {
        int p = page == null || page < 1 ? 1 : page;
        long total = changes.count();
        List<ChangeRow> rows = changes.list(Pageable.from(p - 1, PAGE_SIZE, Sort.of(Sort.Order.desc("id")))).stream()
                .map(AdminHomeController::row).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("page", p);
        model.put("previousPage", p > 1 ? p - 1 : null);
        model.put("nextPage", (long) p * PAGE_SIZE < total ? p + 1 : null);
        model.put("total", total);
        return model;
    }

    private static ChangeRow row(ChangeLogEntry e) {
        return new ChangeRow(WHEN.format(e.changedAt()), e.changedBy(), e.changedByAgency() == null ? "" : e.changedByAgency(),
                e.entityType(), e.entityId(), e.action(), e.oldValue() == null ? "" : e.oldValue(),
                e.newValue() == null ? "" : e.newValue());
    }
}
