package uk.org.quadrant.gateway.browse.indicators;

import uk.org.quadrant.gateway.identity.directory.Agency;
import uk.org.quadrant.gateway.identity.directory.AgencyNames;
import uk.org.quadrant.gateway.web.words.Words;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator catalogue and one indicator's page (definition, figures, trend chart with its table,
 * commentary, CSV download). Everyone signed in may read definitions; whose figures a user sees is
 * decided by indicators-service with the user's own token.
 */
@Controller(value = "/indicators", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class IndicatorController {

    private final Downstream downstream;
    private final IndicatorsClient indicators;
    private final IndicatorPageModel page;
    private final SeriesCsvDownload csv;
    private final AgencyNames agencies;

    IndicatorController(Downstream downstream, IndicatorsClient indicators, IndicatorPageModel page, SeriesCsvDownload csv,
                             AgencyNames agencies) {
        this.downstream = downstream;
        this.indicators = indicators;
        this.page = page;
        this.csv = csv;
        this.agencies = agencies;
    }

    /** The catalogue, filtered here by owning agency and priority (the service lists every indicator). */
    @Get
    @View("browse/indicators/list")
    Map<String, Object> list(HttpRequest<?> request, @QueryValue @Nullable String agency, @QueryValue @Nullable String priority) {
        Reply<List<Indicator>> reply = Calls.require(downstream.forRequest(request).read(Service.INDICATORS, indicators::indicators));
        if (!reply.ok() || reply.body() == null) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The indicators could not be loaded");
        }
        String chosenAgency = agency == null || agency.isBlank() ? null : agency.trim();
        Integer chosenPriority = parsePriority(priority);
        Map<String, String> names = agencies.byCode();
        List<IndicatorRow> rows = reply.body().stream()
                .filter(r -> !Boolean.FALSE.equals(r.active()))
                .filter(r -> chosenAgency == null || chosenAgency.equals(r.ownerAgency()))
                .filter(r -> chosenPriority == null || String.valueOf(chosenPriority).equals(String.valueOf(r.priority())))
                .sorted(Comparator.comparing((Indicator r) -> String.valueOf(r.priority())).thenComparing(r -> String.valueOf(r.code())))
                .map(r -> new IndicatorRow(r.code(), r.title(), names.getOrDefault(r.ownerAgency(), r.ownerAgency()), r.priority(),
                        Words.of(r.unit()), Words.of(r.polarity())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("indicators", rows);
        model.put("agencies", names.entrySet().stream().map(e -> new Agency(e.getKey(), e.getValue())).toList());
        model.put("priorities", List.of(1, 2, 3, 4, 5, 6, 7, 8));
        model.put("chosenAgency", chosenAgency == null ? "" : chosenAgency);
        model.put("chosenPriority", chosenPriority);
        model.put("filtered", chosenAgency != null || chosenPriority != null);
        return model;
    }

    /** An indicator in the catalogue with its unit and polarity in words (public: templates read it). */
    public record IndicatorRow(String code, String title, @Nullable String ownerAgency, @Nullable Integer priority, String unitText,
                               String polarityText) {
    }

    @Get("/{code}")
    @View("browse/indicators/show")
    Map<String, Object> show(HttpRequest<?> request, @PathVariable String code, Authentication authentication) {
        return page.compose(request, code, CurrentUser.of(authentication));
    }

    @Get(value = "/{code}/series.csv", produces = {"text/csv", MediaType.ALL})
    HttpResponse<byte[]> seriesCsv(HttpRequest<?> request, @PathVariable String code, Authentication authentication) {
        return csv.download(request, code, CurrentUser.of(authentication));
    }

    private static Integer parsePriority(String priority) {
        if (priority == null || priority.isBlank()) {
            return null;
        }
        try {
            int p = Integer.parseInt(priority.trim());
            return p >= 1 && p <= 8 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
