package uk.org.quadrant.gateway.home;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.directory.Agency;
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

    BoardHomeController(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    @Get
    @View("board/home")
    Map<String, Object> home() {
        List<Agency> partners = agencies.listOrderByName().stream().filter(a -> !a.code().equals("BOARD")).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", partners);
        return model;
    }
}
