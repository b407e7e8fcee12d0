package uk.org.quadrant.gateway.board;

import uk.org.quadrant.gateway.identity.directory.AgencyNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.web.periods.ReportingPeriod;
import uk.org.quadrant.gateway.identity.directory.Agency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import io.micronaut.security.authentication.Authentication;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;
import java.util.Map;

/**
 * The board's home: the quadrant dashboard. Its filters are plain query parameters
 * ({@code ?period=&priority=&agency=}) so a filtered view can be bookmarked and shared.
 */
@Controller(value = "/board", produces = MediaType.TEXT_HTML)
@Secured({"BOARD_CHAIR", "BOARD_MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class BoardHomeController {

    private final AgencyNames agencies;
    private final BoardDashboard dashboard;

    BoardHomeController(AgencyNames agencies, BoardDashboard dashboard) {
        this.agencies = agencies;
        this.dashboard = dashboard;
    }

    /** The board's quadrant, composed from the three services in parallel, and the agencies' areas. */
    @Get
    @View("board/home")
    Map<String, Object> home(HttpRequest<?> request, Authentication authentication, @QueryValue @Nullable String period,
                             @QueryValue @Nullable String priority, @QueryValue @Nullable String agency) {
        DashboardQuery filters = DashboardQuery.of(period, priority, agency);
        Map<String, String> names = agencies.byCode();
        List<Agency> partners = names.entrySet().stream().filter(e -> !e.getKey().equals("BOARD"))
                .map(e -> new Agency(e.getKey(), e.getValue())).toList();
        Map<String, Object> model = new HashMap<>(dashboard.compose(request, filters, CurrentUser.of(authentication).isManager(), names));
        model.put("agencies", partners);
        model.put("filters", filters);
        model.put("activeFilters", filters.active(code -> names.getOrDefault(code, code)));
        model.put("priorities", List.of(1, 2, 3, 4, 5, 6, 7, 8));
        model.put("periodOptions", periodOptions(LocalDate.now(), filters));
        return model;
    }

    /** The financial years to choose from, newest first, and the chosen period if it is another kind (a quarter). */
    static List<ReportingPeriod> periodOptions(LocalDate today, DashboardQuery filters) {
        int current = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        List<ReportingPeriod> out = new ArrayList<>();
        filters.reportingPeriod().filter(p -> p.kind() != ReportingPeriod.Kind.FINANCIAL_YEAR).ifPresent(out::add);
        for (int y = current; y > current - 12; y--) {
            ReportingPeriod.parse(y + "April").ifPresent(out::add);
        }
        return out;
    }
}
