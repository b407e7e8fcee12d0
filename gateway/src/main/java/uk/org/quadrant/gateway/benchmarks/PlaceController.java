package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.indicators.Place;
import uk.org.quadrant.gateway.web.forms.Dates;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.FormErrors.Field;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.WriteResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The partnership's place among local authorities: its authority (3-digit old code), region (from the
 * data) and the statistical neighbour model, with the authority's neighbours and their closeness.
 * Everyone signed in reads it; only the manager sees the form and may post it (indicators-service
 * decides again with the user's own token).
 */
@Controller(value = "/benchmarks/place", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlaceController {

    static final String VIEW = "benchmarks/place";
    static final Pattern LA_CODE = Pattern.compile("\\d{3}");
    /** The neighbour models the service ships, newest first, and their words. */
    static final Map<String, String> MODELS = models();
    private static final Map<String, Field> FIELDS = Map.of(
            "laCode", new Field("laCode", "Local authority code"),
            "neighbourModel", new Field("neighbourModel", "Statistical neighbour model"));

    private final Downstream downstream;
    private final IndicatorsClient indicators;

    PlaceController(Downstream downstream, IndicatorsClient indicators) {
        this.downstream = downstream;
        this.indicators = indicators;
    }

    private static Map<String, String> models() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("2025", "The 2025 model (the Department for Education's current one)");
        m.put("2021", "The 2021 model");
        return m;
    }

    /** A neighbour for the table: name, code and closeness in words. */
    public record NeighbourRow(String name, String code, String closeness) {
    }

    @Get
    HttpResponse<?> show(@QueryValue @Nullable String notice, HttpRequest<?> request) {
        Map<String, Object> model = model(downstream.forRequest(request));
        Panel<Place> place = cast(model.get("place"));
        model.put("input", place.available() ? input(place.data()) : Map.of());
        model.put("banner", Notice.banner(notice, null));
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    /** Sets the place ({@code PUT /api/v1/benchmarks/place} with the version read). */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("BOARD_MANAGER")
    HttpResponse<?> set(@Body Map<String, Object> posted, HttpRequest<?> request) {
        Form form = new Form(posted);
        Calls calls = downstream.forRequest(request);
        FormErrors errors = new FormErrors(FIELDS, "laCode");
        String laCode = form.text("laCode");
        if (laCode == null) {
            errors.add("laCode", "Enter the local authority's 3-digit code, for example 931 for Oxfordshire");
        } else if (!LA_CODE.matcher(laCode).matches()) {
            errors.add("laCode", "The local authority code must be 3 digits, for example 931");
        }
        String model = form.text("neighbourModel");
        if (model == null || !MODELS.containsKey(model)) {
            errors.add("neighbourModel", "Choose the statistical neighbour model");
        }
        if (!errors.isEmpty()) {
            return again(HttpStatus.BAD_REQUEST, calls, posted, errors, null, false);
        }
        IndicatorsClient.PlaceRequest body = new IndicatorsClient.PlaceRequest(laCode, model, form.version());
        WriteResult<Place> saved = WriteResult.await(calls.write(Service.INDICATORS, () -> indicators.setPlace(body)), Service.INDICATORS);
        if (saved.done()) {
            return Form.done("/benchmarks/place", Notice.PLACE_SAVED);
        }
        FormErrors failed = new FormErrors(FIELDS, "laCode");
        return switch (saved.kind()) {
            case CONFLICT -> again(saved.status(), calls, null, failed, null, true);
            case UNAVAILABLE -> again(saved.status(), calls, posted, failed, saved.unavailableMessage(), false);
            default -> again(saved.status(), calls, posted, failed.addAll(saved.reply()), null, false);
        };
    }

    private HttpResponse<?> again(HttpStatus status, Calls calls, @Nullable Map<String, Object> posted, FormErrors errors,
                                  @Nullable String unavailable, boolean conflict) {
        Map<String, Object> model = model(calls);
        Panel<Place> place = cast(model.get("place"));
        model.put("input", posted != null ? new HashMap<>(posted) : place.available() ? input(place.data()) : Map.of());
        errors.into(model);
        model.put("unavailable", unavailable);
        model.put("conflict", conflict);
        return Form.page(status, VIEW, model);
    }

    private Map<String, Object> model(Calls calls) {
        Panel<Place> place = Calls.panel(calls.read(Service.INDICATORS, indicators::place), Service.INDICATORS, Reply::body);
        Map<String, Object> model = new HashMap<>();
        model.put("place", place);
        model.put("placeRows", place.available() && place.data() != null ? rows(place.data()) : List.of());
        model.put("neighbours", place.available() && place.data() != null ? neighbours(place.data()) : List.of());
        model.put("models", MODELS);
        model.put("conflict", false);
        FormErrors.none(model);
        return model;
    }

    static List<Map<String, String>> rows(Place p) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row("Local authority", p.laCode() == null ? "Not set"
                : (p.laName() == null ? "Code " : p.laName() + ", code ") + p.laCode()));
        rows.add(row("Region", p.regionName() == null ? "Not known" : p.regionName()));
        rows.add(row("Statistical neighbours", p.neighbourModel() == null ? "Not set"
                : MODELS.getOrDefault(p.neighbourModel(), "The " + p.neighbourModel() + " model")));
        if (p.updatedBy() != null) {
            rows.add(row("Last set", "configuration".equals(p.updatedBy()) ? "From the service's configuration (never changed here)"
                    : Dates.words(p.updatedAt()) + " by " + p.updatedBy()));
        }
        return rows;
    }

    static List<NeighbourRow> neighbours(Place p) {
        List<NeighbourRow> out = new ArrayList<>();
        for (Place.Member m : p.neighbours() == null ? List.<Place.Member>of() : p.neighbours()) {
            if (m == null) {
                continue;
            }
            String name = m.name() == null ? String.valueOf(m.code()) : m.name();
            out.add(new NeighbourRow(name, m.code() == null ? "" : m.code(), closeness(m.closeness())));
        }
        return out;
    }

    /** "VERY_CLOSE" or "Very close" as words; "Not given" without one. */
    static String closeness(@Nullable String band) {
        if (band == null || band.isBlank()) {
            return "Not given";
        }
        String s = band.replace('_', ' ').trim().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Map<String, Object> input(@Nullable Place p) {
        Map<String, Object> input = new HashMap<>();
        if (p != null) {
            input.put("laCode", p.laCode());
            input.put("neighbourModel", p.neighbourModel());
            input.put("version", p.version());
        }
        return input;
    }

    private static Map<String, String> row(String key, String value) {
        return Map.of("key", key, "value", value);
    }

    @SuppressWarnings("unchecked")
    private static Panel<Place> cast(Object o) {
        return (Panel<Place>) o;
    }
}
