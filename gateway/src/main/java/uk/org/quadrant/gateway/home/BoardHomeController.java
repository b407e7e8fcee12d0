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
import uk.org.quadrant.gateway.tokens.AuthConfiguration;

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
    private final AuthConfiguration auth;

    BoardHomeController(AgencyRepository agencies, BoardDashboard dashboard, AuthConfiguration auth) {
        this.agencies = agencies;
        this.dashboard = dashboard;
        this.auth = auth;
    }

    /** The board's quadrant, composed from the three services in parallel, and the agencies' areas. */
    @Get
    @View("board/home")
    Map<String, Object> home(HttpRequest<?> request) {
        List<Agency> partners = agencies.listOrderByName().stream().filter(a -> !a.code().equals("BOARD")).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", partners);
        model.put("panels", dashboard.compose(bearer(request)));
        return model;
    }

    /** The signed-in user's own token (from the session cookie, or the bearer header), for the services. */
    private String bearer(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse(null);
        if (header != null && header.startsWith("Bearer ")) {
            return header;
        }
        return request.getCookies().findCookie(auth.cookieName()).map(c -> "Bearer " + c.getValue()).orElse("");
    }
}
