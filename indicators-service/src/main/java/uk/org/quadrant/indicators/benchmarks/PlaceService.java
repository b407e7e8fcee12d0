package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.versions.ScorecardVersions;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The partnership's place: configured ({@code quadrant.benchmarks.la-code}, {@code QUADRANT_LA_CODE})
 * until the manager sets it; then the stored row, versioned (409 on a stale version) and change-logged.
 */
@Singleton
public class PlaceService {

    private static final int ROW = 1;

    private final PlaceRepository places;
    private final Geographies geographies;
    private final NeighbourModels models;
    private final ChangeRecorder changes;
    private final String configuredLa;
    private final Mappings mappings;
    private final IndicatorCatalogue catalogue;
    private final ScorecardVersions scorecardVersions;

    PlaceService(PlaceRepository places, Geographies geographies, NeighbourModels models, ChangeRecorder changes,
                 @Value("${quadrant.benchmarks.la-code:931}") String configuredLa, Mappings mappings, IndicatorCatalogue catalogue,
                 ScorecardVersions scorecardVersions) {
        this.mappings = mappings;
        this.catalogue = catalogue;
        this.scorecardVersions = scorecardVersions;
        this.places = places;
        this.geographies = geographies;
        this.models = models;
        this.changes = changes;
        this.configuredLa = configuredLa.trim();
    }

    public Place current() {
        Optional<PlaceRow> row = places.findById(ROW);
        return row.map(r -> view(r.laCode(), NeighbourModel.of(r.neighbourModel()).orElse(NeighbourModel.M2025), r.version(),
                        r.updatedBy(), r.updatedAt()))
                .orElseGet(() -> view(configuredLa, NeighbourModel.M2025, null, "configuration", null));
    }

    @Transactional
    public Place set(PlaceRequest request, Caller caller) {
        NeighbourModel model = NeighbourModel.of(request.neighbourModel())
                .orElseThrow(() -> new InvalidRequestException("neighbourModel", "must be 2025 or 2021"));
        if (geographies.area(request.laCode()).isEmpty()) {
            throw new InvalidRequestException("laCode", "no local authority " + request.laCode() + " in the ONS population estimates");
        }
        if (!models.has(model, request.laCode())) {
            throw new InvalidRequestException("laCode", "the " + model.id() + " neighbour model has no local authority " + request.laCode());
        }
        Optional<PlaceRow> current = places.findById(ROW);
        if (current.isPresent() && !Objects.equals(request.version(), current.get().version())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "The place was changed by someone else (version "
                    + current.get().version() + "); reload it and try again");
        }
        PlaceRow next = new PlaceRow(ROW, request.laCode(), model.id(), current.map(r -> r.version() + 1).orElse(1L),
                caller.username(), Instant.now());
        if (current.isPresent()) {
            places.update(next);
        } else {
            places.save(next);
        }
        Place saved = current();
        changes.record(caller, "benchmark-place", "place", current.isPresent() ? "UPDATE" : "CREATE",
                current.map(r -> r.laCode() + " " + r.neighbourModel()).orElse(configuredLa + " 2025"),
                next.laCode() + " " + next.neighbourModel());
        // Another authority or model moves every benchmark: the RAG of indicators that take their target from one.
        ScorecardVersions.Changes moved = ScorecardVersions.changes();
        mappings.all().stream().filter(m -> m.targetFrom() != null)
                .forEach(m -> moved.everything(catalogue.require(m.indicator()).ownerAgency()));
        scorecardVersions.bump(moved);
        return saved;
    }

    private Place view(String laCode, NeighbourModel model, Long version, String by, Instant at) {
        Optional<Geographies.Area> area = geographies.area(laCode);
        List<Place.Member> neighbours = models.of(model, laCode).stream()
                .map(n -> new Place.Member(n.code(), geographies.area(n.code()).map(Geographies.Area::name).orElse(null), n.closeness()))
                .toList();
        return new Place(laCode, area.map(Geographies.Area::name).orElse(null), area.map(Geographies.Area::regionCode).orElse(null),
                area.map(Geographies.Area::regionName).orElse(null), model.id(), neighbours, version, by, at);
    }
}
