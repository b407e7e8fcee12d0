package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.versions.ScorecardVersions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Indicators mapped to published statistics: read by everyone, written by the manager (versioned, change-logged). */
@Singleton
public class Mappings {

    static final String COLUMN = "[A-Za-z][A-Za-z0-9_]{0,63}";

    private final MappingRepository mappings;
    private final IndicatorCatalogue catalogue;
    private final ChangeRecorder changes;
    private final ScorecardVersions scorecardVersions;

    Mappings(MappingRepository mappings, IndicatorCatalogue catalogue, ChangeRecorder changes, ScorecardVersions scorecardVersions) {
        this.mappings = mappings;
        this.catalogue = catalogue;
        this.changes = changes;
        this.scorecardVersions = scorecardVersions;
    }

    public List<Mapping> all() {
        return mappings.listInOrder().stream().map(Mappings::view).toList();
    }

    public Optional<Mapping> find(String indicator) {
        return mappings.findById(indicator).map(Mappings::view);
    }

    public Mapping require(String indicator) {
        catalogue.require(indicator);
        return find(indicator).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "Indicator " + indicator + " is not mapped to published statistics"));
    }

    @Transactional
    public Mapping put(String code, MappingRequest request, Caller caller) {
        Indicator indicator = catalogue.require(code);
        List<String> filters = request.filters() == null ? List.of() : request.filters().stream().map(String::strip).toList();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String f : filters) {
            if (Filter.parse(f) == null) {
                errors.add(new Problem.FieldError("filters", "'" + EesTime.clip(f) + "' is not column:value (e.g. population_type:Children looked after on 31 March each year)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Optional<MappingRow> current = mappings.findById(code);
        if (current.isPresent() && !Objects.equals(request.version(), current.get().version())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "The mapping of " + code + " was changed by someone else (version "
                    + current.get().version() + "); reload it and try again");
        }
        String dataSetId = request.dataSetId() == null || request.dataSetId().isBlank() ? null : request.dataSetId();
        MappingRow next = new MappingRow(code, request.measure(), join(filters), dataSetId, request.countToRate(),
                request.targetFrom() == null ? null : request.targetFrom().name(), current.map(r -> r.version() + 1).orElse(1L),
                caller.username(), Instant.now());
        save(next, current.isPresent());
        changes.record(caller, "benchmark-mapping", code, current.isPresent() ? "UPDATE" : "CREATE",
                current.map(Mappings::view).orElse(null), view(next));
        // The RAG of the indicator may now be measured against a benchmark.
        scorecardVersions.bump(ScorecardVersions.changes().everything(indicator.ownerAgency()));
        return view(next);
    }

    /** After an import: the measure and filters it used become the mapping (the rest kept), so the manager maps once. */
    void remember(String code, String measure, List<Filter> filters, Caller caller) {
        Optional<MappingRow> current = mappings.findById(code);
        String joined = join(filters.stream().map(Filter::text).toList());
        if (current.isPresent() && current.get().measure().equals(measure) && Objects.equals(current.get().filters(), joined)) {
            return;
        }
        MappingRow next = current.map(r -> new MappingRow(code, measure, joined, r.dataSetId(), r.countToRate(), r.targetFrom(),
                        r.version() + 1, caller.username(), Instant.now()))
                .orElseGet(() -> new MappingRow(code, measure, joined, null, null, null, 1L, caller.username(), Instant.now()));
        save(next, current.isPresent());
        changes.record(caller, "benchmark-mapping", code, current.isPresent() ? "UPDATE" : "CREATE",
                current.map(Mappings::view).orElse(null), view(next));
    }

    private void save(MappingRow row, boolean exists) {
        if (exists) {
            mappings.update(row);
        } else {
            mappings.save(row);
        }
    }

    private static String join(List<String> filters) {
        return filters.isEmpty() ? null : String.join("\n", filters);
    }

    static List<String> split(String filters) {
        return filters == null || filters.isBlank() ? List.of() : Arrays.stream(filters.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    static Mapping view(MappingRow r) {
        return new Mapping(r.indicatorCode(), r.measure(), split(r.filters()), r.dataSetId(), r.countToRate(),
                r.targetFrom() == null ? null : TargetFrom.valueOf(r.targetFrom()), r.version(), r.updatedBy(), r.updatedAt());
    }

    /** One filter: a column and the value a row must have in it. */
    record Filter(String column, String value) {

        /** "column:value", or null if it is not that. */
        static Filter parse(String text) {
            if (text == null) {
                return null;
            }
            int colon = text.indexOf(':');
            if (colon < 1) {
                return null;
            }
            String column = text.substring(0, colon).strip();
            String value = text.substring(colon + 1).strip();
            return column.matches(COLUMN) && !value.isEmpty() && value.chars().noneMatch(Character::isISOControl)
                    ? new Filter(column, value) : null;
        }

        String text() {
            return column + ":" + value;
        }
    }
}
