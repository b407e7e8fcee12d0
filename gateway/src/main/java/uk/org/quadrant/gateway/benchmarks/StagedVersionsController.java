package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.indicators.ImportResult;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.indicators.StagedCheck;
import uk.org.quadrant.gateway.clients.indicators.StagedVersion;
import uk.org.quadrant.gateway.web.forms.Dates;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.WriteResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * New versions of published statistics ({@code /benchmarks/staged}): the versions of mapped EES data sets
 * that indicators-service's refresh check found and staged, each with what importing it would change
 * ("12 values would change"); the manager checks for new versions now, approves a version (it is imported,
 * all or nothing) or discards it. The chair reads the page without buttons; agencies are refused, as on
 * the mapping pages. indicators-service decides again with the user's own token.
 */
@Controller(value = "/benchmarks/staged", produces = MediaType.TEXT_HTML)
@Secured({"BOARD_CHAIR", "BOARD_MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class StagedVersionsController {

    static final String VIEW = "benchmarks/staged";
    /** How many decided versions the page lists under the open ones. */
    static final int DECIDED_SHOWN = 20;

    private final Downstream downstream;
    private final IndicatorsClient indicators;

    StagedVersionsController(Downstream downstream, IndicatorsClient indicators) {
        this.downstream = downstream;
        this.indicators = indicators;
    }

    /** One staged version as the page shows it. */
    public record Row(long id, String indicator, String title, String heading, String name, String summary, String changes,
                      List<String> errors, String staged, String decided, boolean open) {
    }

    @Get
    HttpResponse<?> show(@QueryValue @Nullable String notice, @QueryValue @Nullable String subject, HttpRequest<?> request) {
        Map<String, Object> model = model(downstream.forRequest(request));
        model.put("banner", Notice.banner(notice, subject));
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    /** Checks every mapped data set now; the page says what was found and what could not be checked. */
    @Post(value = "/check", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("BOARD_MANAGER")
    HttpResponse<?> check(HttpRequest<?> request) {
        Calls calls = downstream.forRequest(request);
        WriteResult<StagedCheck> result = WriteResult.await(calls.write(Service.INDICATORS, indicators::checkForNewVersions),
                Service.INDICATORS);
        if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
            return again(result.status(), calls, FormErrors.none(), result.unavailableMessage(), null, List.of());
        }
        if (!result.done()) {
            return again(result.status(), calls, new FormErrors(Map.of(), "").general(result.reply().detail()), null, null, List.of());
        }
        StagedCheck found = result.reply().body();
        List<String> failures = found == null || found.failures() == null ? List.of() : found.failures().stream()
                .map(f -> f.indicator() + (f.dataSetId() == null ? "" : " (data set " + f.dataSetId() + ")") + ": "
                        + (f.reason() == null ? "could not be checked" : f.reason()))
                .toList();
        return again(HttpStatus.OK, calls, FormErrors.none(), null, checkText(found), failures);
    }

    /** Imports the staged version: Post/Redirect/Get with a notice, or its errors by line and column. */
    @Post(value = "/{id}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("BOARD_MANAGER")
    HttpResponse<?> approve(@PathVariable long id, HttpRequest<?> request) {
        Calls calls = downstream.forRequest(request);
        WriteResult<ImportResult> result = WriteResult.await(calls.write(Service.INDICATORS, () -> indicators.approveStaged(id)),
                Service.INDICATORS);
        if (result.done()) {
            return Form.done("/benchmarks/staged", Notice.STAGED_APPROVED, named(calls, id));
        }
        return refused(calls, result, "approve");
    }

    @Post(value = "/{id}/discard", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("BOARD_MANAGER")
    HttpResponse<?> discard(@PathVariable long id, HttpRequest<?> request) {
        Calls calls = downstream.forRequest(request);
        WriteResult<StagedVersion> result = WriteResult.await(calls.write(Service.INDICATORS, () -> indicators.discardStaged(id)),
                Service.INDICATORS);
        if (result.done()) {
            StagedVersion v = result.reply().body();
            return Form.done("/benchmarks/staged", Notice.STAGED_DISCARDED,
                    v == null ? "The version" : versionName(v));
        }
        return refused(calls, result, "discard");
    }

    /** "CLA-RATE version 2.1": what the notice names, read back after the approval (the import's answer does not say). */
    private String named(Calls calls, long id) {
        try {
            Reply<List<StagedVersion>> list = calls.read(Service.INDICATORS, indicators::stagedVersions).join();
            if (list.ok() && list.body() != null) {
                return list.body().stream().filter(v -> v.id() == id).findFirst().map(StagedVersionsController::versionName)
                        .orElse("The version");
            }
        } catch (RuntimeException e) {
            // The import is done; only its name is missing from the notice.
        }
        return "The version";
    }

    private HttpResponse<?> refused(Calls calls, WriteResult<?> result, String what) {
        if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
            return again(result.status(), calls, FormErrors.none(), result.unavailableMessage(), null, List.of());
        }
        FormErrors errors = new FormErrors(Map.of(), "");
        List<MappingController.ImportError> rows = MappingController.importErrors(result.reply());
        if (result.kind() == WriteResult.Kind.CONFLICT) {
            errors.general("Someone else decided this version meanwhile: " + result.reply().detail() + ". The page now shows where it stands.");
        } else if (!rows.isEmpty()) {
            int found = result.reply().problem().errors().size();
            errors.general("Nothing was imported: the version has " + found + (found == 1 ? " error" : " errors")
                    + " as the indicator is mapped, listed by line and column below. Change the mapping, or discard the version");
        } else {
            errors.general("Could not " + what + " the version: " + result.reply().detail());
        }
        HttpResponse<?> page = again(result.status(), calls, errors, null, null, List.of());
        MappingController.modelOf(page).put("importErrors", rows);
        return page;
    }

    private HttpResponse<?> again(HttpStatus status, Calls calls, FormErrors errors, @Nullable String unavailable,
                                  @Nullable String checked, List<String> failures) {
        Map<String, Object> model = model(calls);
        errors.into(model);
        model.put("unavailable", unavailable);
        model.put("checked", checked);
        model.put("failures", failures);
        return Form.page(status, VIEW, model);
    }

    private Map<String, Object> model(Calls calls) {
        CompletableFuture<Reply<List<StagedVersion>>> staged = calls.read(Service.INDICATORS, indicators::stagedVersions);
        CompletableFuture<Reply<List<Indicator>>> catalogue = calls.read(Service.INDICATORS, indicators::indicators);
        Panel<List<StagedVersion>> versions = Calls.panel(staged, Service.INDICATORS, r -> r.body() == null ? List.of() : r.body());
        Panel<List<Indicator>> defs = Calls.panel(catalogue, Service.INDICATORS, r -> r.body() == null ? List.of() : r.body());
        Map<String, String> titles = defs.available()
                ? defs.data().stream().collect(Collectors.toMap(Indicator::code, Indicator::title, (a, b) -> a)) : Map.of();
        Map<String, Object> model = new HashMap<>();
        model.put("versions", versions.map(list -> list.stream().map(v -> row(v, titles)).toList()));
        model.put("open", versions.available() ? versions.data().stream().filter(StagedVersion::open).map(v -> row(v, titles)).toList()
                : List.of());
        model.put("decided", versions.available() ? versions.data().stream().filter(v -> !v.open()).limit(DECIDED_SHOWN)
                .map(v -> row(v, titles)).toList() : List.of());
        model.put("checked", null);
        model.put("failures", List.of());
        model.put("importErrors", List.of());
        FormErrors.none(model);
        return model;
    }

    static Row row(StagedVersion v, Map<String, String> titles) {
        String title = titles.getOrDefault(v.indicator(), v.indicator());
        String heading = "Data set " + v.dataSetId() + " version " + v.dataSetVersion() + " for " + title;
        List<String> errors = v.errors() == null ? List.of() : v.errors();
        String summary;
        if (!errors.isEmpty()) {
            summary = "It cannot be imported as " + v.indicator() + " is mapped: " + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + " (the first are listed).";
        } else if (v.valuesChanging() == 0) {
            summary = "No values would change.";
        } else {
            summary = v.valuesChanging() + (v.valuesChanging() == 1 ? " value would change." : " values would change.");
        }
        ImportResult.Changes c = v.changes();
        String changes = c == null ? "" : c.added() + " new, " + c.changed() + " changed, " + c.removed() + " no longer in the data set; "
                + c.unchanged() + " the same";
        String staged = "Found " + Dates.words(v.stagedAt())
                + (v.published() == null ? "" : "; published " + Dates.words(v.published()));
        String decided = v.open() ? "Waiting for the manager" : ("APPROVED".equals(v.status()) ? "Imported" : "Discarded")
                + (v.decidedAt() == null ? "" : " on " + Dates.words(v.decidedAt()))
                + (v.decidedBy() == null ? "" : " by " + v.decidedBy());
        return new Row(v.id(), v.indicator(), title, heading, versionName(v), summary, changes, errors, staged, decided, v.open());
    }

    static String versionName(StagedVersion v) {
        return v.indicator() + " version " + v.dataSetVersion();
    }

    /** "Checked 3 data sets: 1 new version found and staged below." */
    static String checkText(@Nullable StagedCheck found) {
        if (found == null) {
            return "Checked for new versions.";
        }
        int staged = found.staged() == null ? 0 : found.staged().size();
        int failed = found.failures() == null ? 0 : found.failures().size();
        if (found.checked() == 0) {
            return "No indicator's mapping names an EES data set, so there was nothing to check. Name one on an indicator's mapping page.";
        }
        StringBuilder s = new StringBuilder("Checked ").append(found.checked()).append(found.checked() == 1 ? " data set: " : " data sets: ");
        s.append(staged == 0 ? "no new versions" : staged + (staged == 1 ? " new version found and staged below" : " new versions found and staged below"));
        if (failed > 0) {
            s.append("; ").append(failed).append(" could not be checked (listed below)");
        }
        return s.append('.').toString();
    }
}
