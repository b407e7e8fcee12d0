package uk.org.quadrant.gateway.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import reactor.core.publisher.Flux;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Problem;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkMapping;
import uk.org.quadrant.gateway.clients.indicators.ImportResult;
import uk.org.quadrant.gateway.clients.indicators.Indicator;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.web.forms.Dates;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.FormErrors.Field;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.WriteResult;
import uk.org.quadrant.gateway.web.periods.ReportingPeriod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The manager maps an indicator to a published (EES) file, its measure column and the filter values
 * that leave one row per area and period, optionally with the EES data set it is refreshed from and
 * the benchmark its RAG is measured against; then uploads the file's tidy CSV, checks it (a dry run that
 * says what would change, or every error by line and column) and imports it, all or nothing. New versions
 * of a mapped EES data set are approved on {@link StagedVersionsController}'s page instead. The chair
 * reads the page; only the manager posts (indicators-service decides again with the user's own token).
 */
@Controller(value = "/benchmarks/mappings/{code}", produces = MediaType.TEXT_HTML)
@Secured({"BOARD_CHAIR", "BOARD_MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class MappingController {

    static final String VIEW = "benchmarks/mapping";
    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");
    /** The import form's file input, and its hidden field carrying the file that was checked. */
    static final String FILE = "file";
    static final String CHECKED = "checked";
    private static final Map<String, Field> FIELDS = Map.of(
            "measure", new Field("measure", "Measure column"),
            "filters", new Field("filters", "Filter values"),
            "dataSetId", new Field("dataSetId", "EES data set id"),
            "targetFrom", new Field("targetFrom", "Target"),
            "file", new Field("file", "The file"),
            "fileName", new Field("file", "The file"));
    /** The benchmarks a RAG target may come from, as the service names them, and their words. */
    static final Map<String, String> TARGETS = targets();

    private final Downstream downstream;
    private final IndicatorsClient indicators;

    MappingController(Downstream downstream, IndicatorsClient indicators) {
        this.downstream = downstream;
        this.indicators = indicators;
    }

    private static Map<String, String> targets() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("", "Its own targets (not a benchmark)");
        for (String k : List.of("ENGLAND", "REGION", "NEIGHBOURS_MEAN", "NEIGHBOURS_MEDIAN")) {
            t.put(k, BenchmarkRows.capitalise(ComparisonWording.targetFrom(k)));
        }
        return t;
    }

    /** How many of a refused file's errors the page lists (the summary says how many there are in all). */
    static final int ERRORS_SHOWN = 100;

    /** One error of a refused import, for the table under the error summary. */
    public record ImportError(String line, String column, String reason) {
    }

    @Get
    HttpResponse<?> show(@PathVariable String code, @QueryValue @Nullable String notice, @QueryValue @Nullable String subject,
                         HttpRequest<?> request) {
        Map<String, Object> model = model(downstream.forRequest(request), code);
        BenchmarkMapping mapping = (BenchmarkMapping) model.get("mapping");
        model.put("input", input(mapping));
        model.put("banner", Notice.banner(notice, subject));
        return Form.page(HttpStatus.OK, VIEW, model);
    }

    /** Saves the mapping ({@code PUT /api/v1/benchmarks/mappings/{code}} with the version read). */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("BOARD_MANAGER")
    HttpResponse<?> map(@PathVariable String code, @Body Map<String, Object> posted, HttpRequest<?> request) {
        requireCode(code);
        Form form = new Form(posted);
        Calls calls = downstream.forRequest(request);
        FormErrors errors = new FormErrors(FIELDS, "measure");
        String measure = form.text("measure");
        if (measure == null) {
            errors.add("measure", "Enter the measure column, the file's column holding the figure (for example rate_per_10000)");
        }
        List<String> filters = lines(form.text("filters"));
        String target = form.text("targetFrom");
        if (target != null && !TARGETS.containsKey(target)) {
            errors.add("targetFrom", "Choose where the target comes from");
        }
        if (!errors.isEmpty()) {
            return again(HttpStatus.BAD_REQUEST, calls, code, posted, errors, null, null, null);
        }
        IndicatorsClient.MappingRequest body = new IndicatorsClient.MappingRequest(measure, filters, form.text("dataSetId"), null,
                target, form.version());
        WriteResult<BenchmarkMapping> saved = WriteResult.await(calls.write(Service.INDICATORS, () -> indicators.map(code, body)), Service.INDICATORS);
        if (saved.done()) {
            return Form.done("/benchmarks/mappings/" + code, Notice.MAPPING_SAVED, code);
        }
        FormErrors failed = new FormErrors(FIELDS, "measure");
        String unavailable = null;
        switch (saved.kind()) {
            case INVALID -> failed.addAll(saved.reply());
            case CONFLICT -> failed.add("", "Someone else changed this mapping while you were editing. The form now shows what is saved;"
                    + " make your change again.");
            case UNAVAILABLE -> unavailable = saved.unavailableMessage();
            default -> {
            }
        }
        Map<String, Object> input = saved.kind() == WriteResult.Kind.CONFLICT ? null : posted;
        return again(saved.status(), calls, code, input, failed, unavailable, null, null);
    }

    /**
     * Checks ({@code action=check}, a dry run) or imports ({@code action=import}) a file with the saved
     * mapping's measure and filters. The form is a file upload ({@code multipart/form-data}; the CSRF filter
     * reads its {@code csrfToken} field before this runs): a check takes the chosen file ({@code file}); the
     * import takes the file that was checked, which the page carries in its hidden {@code checked} field
     * (see {@link EesFile}). A check shows what would change; a refused file shows every error by line and
     * column and nothing is written.
     */
    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("BOARD_MANAGER")
    HttpResponse<?> importFile(@PathVariable String code, @Body MultipartBody body, HttpRequest<?> request) {
        requireCode(code);
        Map<String, String> fields = new HashMap<>();
        CompletedFileUpload upload = null;
        for (CompletedPart part : Flux.from(body).collectList().blockOptional().orElse(List.of())) {
            if (part instanceof CompletedFileUpload f) {
                if (FILE.equals(f.getName()) && upload == null) {
                    upload = f;
                }
            } else if (part.getName() != null && !fields.containsKey(part.getName())) {
                fields.put(part.getName(), new String(bytesOf(part), StandardCharsets.UTF_8));
            }
        }
        boolean dryRun = !"import".equals(fields.get("action"));
        Calls calls = downstream.forRequest(request);
        FormErrors errors = new FormErrors(FIELDS, FILE);
        EesFile file;
        boolean chosen = upload != null && (upload.getSize() > 0 || (upload.getFilename() != null && !upload.getFilename().isBlank()));
        if (chosen || dryRun) {
            long size = upload == null ? 0 : upload.getSize();
            String problem = EesFile.problem(upload == null ? null : upload.getFilename(), size, null);
            byte[] bytes = problem == null ? bytesOf(upload) : null;
            if (problem == null) {
                problem = EesFile.problem(upload.getFilename(), size, bytes);
            }
            if (problem != null) {
                errors.add(FILE, problem);
                return again(HttpStatus.BAD_REQUEST, calls, code, null, errors, null, null, null);
            }
            file = new EesFile(EesFile.cleanName(upload.getFilename()), bytes);
        } else {
            file = EesFile.fromCarried(fields.get("checkedName"), fields.get(CHECKED)).orElse(null);
            if (file == null) {
                errors.add(FILE, "Select the file and check it again: nothing was imported");
                return again(HttpStatus.BAD_REQUEST, calls, code, null, errors, null, null, null);
            }
        }
        Reply<BenchmarkMapping> mapping = Calls.require(calls.read(Service.INDICATORS, () -> indicators.mapping(code)));
        if (!mapping.ok() || mapping.body() == null || mapping.body().measure() == null) {
            errors.add(FILE, "Save the mapping above first: the import reads the measure column and filters from it");
            return again(HttpStatus.BAD_REQUEST, calls, code, null, errors, null, null, null);
        }
        BenchmarkMapping m = mapping.body();
        List<String> filters = m.filters() == null ? List.of() : m.filters();
        CompletableFuture<Reply<ImportResult>> call = calls.write(Service.INDICATORS, () -> indicators.importEes("ees", code, m.measure(),
                filters.isEmpty() ? null : filters, dryRun, file.name(), file.bytes()));
        WriteResult<ImportResult> result = WriteResult.await(call, Service.INDICATORS);
        if (result.done() && !dryRun) {
            return Form.done("/benchmarks/mappings/" + code, Notice.FIGURES_IMPORTED, code);
        }
        if (result.done()) {
            ImportResult checked = result.reply().body();
            HttpResponse<?> page = again(HttpStatus.OK, calls, code, null, FormErrors.none(), null,
                    checked == null ? null : checkText(checked), null);
            if (checked != null) {
                modelOf(page).put("checkedFile", Map.of("name", file.name(), "sizeInWords", file.size(), "carried", file.carried()));
            }
            return page;
        }
        if (result.kind() == WriteResult.Kind.UNAVAILABLE) {
            return again(result.status(), calls, code, null, FormErrors.none(), result.unavailableMessage(), null, null);
        }
        List<ImportError> rows = importErrors(result.reply());
        if (rows.isEmpty()) {
            errors.addAll(result.reply());
        } else {
            int found = result.reply().problem().errors().size();
            errors.add(FILE, (dryRun ? "The check found " : "Nothing was imported: the file has ") + found
                    + (found == 1 ? " error" : " errors") + (found > rows.size() ? "; the first " + rows.size() + " are" : ",")
                    + " listed by line and column below");
        }
        HttpResponse<?> page = again(result.status(), calls, code, null, errors, null, null, rows);
        modelOf(page).put("refusedFile", file.name());
        return page;
    }

    private static byte[] bytesOf(CompletedPart upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> modelOf(HttpResponse<?> page) {
        return ((ModelAndView<Map<String, Object>>) page.body()).getModel().orElseThrow();
    }

    /** "The check passed: 4,210 figures for 153 areas, 2015/16 to 2024/25, 12 not published (suppressed). 12 figures would change…" */
    static String checkText(ImportResult r) {
        List<String> periods = r.periods() == null ? List.of() : r.periods();
        String span = periods.isEmpty() ? "" : ", " + ReportingPeriod.labelOf(periods.get(0))
                + (periods.size() > 1 ? " to " + ReportingPeriod.labelOf(periods.get(periods.size() - 1)) : "");
        int figures = r.valid() != null ? r.valid() : r.imported();
        StringBuilder s = new StringBuilder("The check passed: ").append(figures).append(figures == 1 ? " figure" : " figures")
                .append(" for ").append(r.geographies()).append(r.geographies() == 1 ? " area" : " areas").append(span)
                .append(", ").append(r.suppressed()).append(" not published (suppressed).");
        if (r.changes() != null) {
            ImportResult.Changes c = r.changes();
            s.append(' ').append(c.total()).append(c.total() == 1 ? " value would change" : " values would change").append(": ")
                    .append(c.added()).append(" new, ").append(c.changed()).append(" changed, ").append(c.removed())
                    .append(" no longer in the file; ").append(c.unchanged()).append(" the same.");
        }
        return s.append(" Nothing has been imported yet.").toString();
    }

    /** A refused import's errors by line and column (the service's {@code errors} with row, column, reason). */
    static List<ImportError> importErrors(@Nullable Reply<?> reply) {
        List<ImportError> out = new ArrayList<>();
        if (reply == null || reply.problem() == null || reply.problem().errors() == null) {
            return out;
        }
        for (Problem.FieldError e : reply.problem().errors()) {
            if (e != null && e.reason() != null) {
                if (out.size() == ERRORS_SHOWN) {
                    break;
                }
                out.add(new ImportError(e.row() == null || e.row() <= 0 ? "Whole file" : String.valueOf(e.row()),
                        e.column() == null || e.column().isBlank() ? "–" : e.column(), e.reason()));
            }
        }
        return out;
    }

    private HttpResponse<?> again(HttpStatus status, Calls calls, String code, @Nullable Map<String, Object> posted, FormErrors errors,
                                  @Nullable String unavailable, @Nullable String checked, @Nullable List<ImportError> importErrors) {
        Map<String, Object> model = model(calls, code);
        Map<String, Object> input = posted == null ? input((BenchmarkMapping) model.get("mapping")) : new HashMap<>(posted);
        model.put("input", input);
        model.put("errors", errors.list());
        model.put("fieldErrors", errors.byField());
        model.put("unavailable", unavailable);
        model.put("checked", checked);
        model.put("importErrors", importErrors == null ? List.of() : importErrors);
        return Form.page(status, VIEW, model);
    }

    private Map<String, Object> model(Calls calls, String code) {
        requireCode(code);
        CompletableFuture<Reply<Indicator>> definition = calls.read(Service.INDICATORS, () -> indicators.indicator(code));
        CompletableFuture<Reply<BenchmarkMapping>> mapping = calls.read(Service.INDICATORS, () -> indicators.mapping(code));
        Reply<Indicator> def = Calls.require(definition);
        if (def.status() == 404 || def.status() == 403 || !def.ok() || def.body() == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
        Reply<BenchmarkMapping> current = Calls.require(mapping);
        BenchmarkMapping saved = current.ok() ? current.body() : null;
        Map<String, Object> model = new HashMap<>();
        model.put("indicator", def.body());
        model.put("mapping", saved);
        model.put("mappingRows", saved == null ? List.of() : mappingRows(saved));
        model.put("targets", TARGETS);
        model.put("errors", List.of());
        model.put("fieldErrors", Map.of());
        model.put("importErrors", List.of());
        return model;
    }

    static List<Map<String, String>> mappingRows(BenchmarkMapping m) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(Map.of("key", "Measure column", "value", String.valueOf(m.measure())));
        rows.add(Map.of("key", "Filter values", "value", m.filters() == null || m.filters().isEmpty() ? "None" : String.join("; ", m.filters())));
        rows.add(Map.of("key", "EES data set", "value", m.dataSetId() == null ? "None (imported from files)" : m.dataSetId()));
        String target = ComparisonWording.targetFrom(m.targetFrom());
        rows.add(Map.of("key", "Target", "value", target == null ? "Its own targets" : BenchmarkRows.capitalise(target)));
        if (m.updatedBy() != null) {
            rows.add(Map.of("key", "Last changed", "value", Dates.words(m.updatedAt()) + " by " + m.updatedBy()));
        }
        return rows;
    }

    private static Map<String, Object> input(@Nullable BenchmarkMapping m) {
        Map<String, Object> input = new HashMap<>();
        if (m != null) {
            input.put("measure", m.measure());
            input.put("filters", m.filters() == null ? "" : String.join("\n", m.filters()));
            input.put("dataSetId", m.dataSetId());
            input.put("targetFrom", m.targetFrom() == null ? "" : m.targetFrom());
            input.put("version", m.version());
        }
        return input;
    }

    /** One "column:value" per non-blank line. */
    static List<String> lines(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static void requireCode(String code) {
        if (!CODE.matcher(code).matches()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
        }
    }
}
