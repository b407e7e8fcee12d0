package uk.org.quadrant.gateway.home;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.directory.Agency;
import uk.org.quadrant.gateway.dashboard.BoardDashboard;
import uk.org.quadrant.gateway.directory.AgencyRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The board's home: the partnership's agencies, each linking to its area. */
@Controller(value = "/board", produces = MediaType.TEXT_HTML)
@Secured({"BOARD_CHAIR", "BOARD_MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class BoardHomeController {

    private final AgencyRepository agencies;
    private final BoardDashboard dashboard;

    BoardHomeController(AgencyRepository agencies, BoardDashboard dashboard) {
        this.agencies = agencies;
        this.dashboard = dashboard;
    }

    /** The board's quadrant, composed from the three services in parallel, and the agencies' areas. */
    @Get
    @View("board/home")
    Map<String, Object> home(HttpRequest<?> request) {
        List<Agency> partners = agencies.listOrderByName().stream().filter(a -> !a.code().equals("BOARD")).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", partners);
        model.put("panels", dashboard.compose(request));
        return model;
    }
}
