package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.common.problem.UniqueKeyViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refresh from the EES API: for every indicator whose mapping names a data set, a version newer than the
 * one last imported is downloaded and checked as a dry run of its mapping, and staged with what it would
 * change; the manager approves it (the import is written, its source the data set version) or discards
 * it. A version staged once is not staged again, whatever was decided.
 */
@Singleton
public class EesRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(EesRefresh.class);

    private final Mappings mappings;
    private final EesApiClient api;
    private final EesImport imports;
    private final ImportRecordRepository records;
    private final StagedRepository staged;
    private final ChangeRecorder changes;

    EesRefresh(Mappings mappings, EesApiClient api, EesImport imports, ImportRecordRepository records, StagedRepository staged,
               ChangeRecorder changes) {
        this.mappings = mappings;
        this.api = api;
        this.imports = imports;
        this.records = records;
        this.staged = staged;
        this.changes = changes;
    }

    /** What a check did: the indicators with a data set it checked, the versions it staged, and what failed (by indicator). */
    @Serdeable
    public record CheckResult(int checked, List<Staged> staged, List<Failure> failures) {
    }

    @Serdeable
    public record Failure(String indicator, String dataSetId, String reason) {
    }

    /** Checks every mapped data set; one failing (the API unreachable, a version refused) does not stop the others. */
    public CheckResult check(Caller caller) {
        int checked = 0;
        List<Staged> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Mapping m : mappings.all()) {
            if (m.dataSetId() == null) {
                continue;
            }
            checked++;
            try {
                stage(m, caller).ifPresent(found::add);
            } catch (EesApiClient.Unavailable e) {
                failures.add(new Failure(m.indicator(), m.dataSetId(), e.getMessage()));
            } catch (DataAccessException e) {
                if (!UniqueKeyViolation.isCause(e)) {
                    throw e;
                }
                // Another replica staged the same version meanwhile.
            }
        }
        if (!failures.isEmpty()) {
            LOG.warn("EES refresh: {} of {} data sets could not be checked: {}", failures.size(), checked, failures);
        }
        return new CheckResult(checked, found, failures);
    }

    private Optional<Staged> stage(Mapping m, Caller caller) {
        EesApiClient.LatestVersion latest = api.latest(m.dataSetId());
        String imported = records.history(m.indicator()).stream().filter(r -> m.dataSetId().equals(r.dataSetId())).findFirst()
                .map(ImportRecord::dataSetVersion).orElse(null);
        if (latest.version().equals(imported)
                || staged.existsByIndicatorCodeAndDataSetIdAndDataSetVersion(m.indicator(), m.dataSetId(), latest.version())) {
            return Optional.empty();
        }
        String csv = api.csv(m.dataSetId(), latest.version());
        EesImportResult dry = imports.run(m.indicator(), null, List.of(), csv, true,
                new EesImport.Source(null, m.dataSetId(), latest.version()), caller);
        EesImportResult.Changes c = dry.changes() == null ? new EesImportResult.Changes(0, 0, 0, 0) : dry.changes();
        List<String> errors = dry.errors().stream().limit(20)
                .map(e -> "row " + e.row() + (e.column().isEmpty() ? "" : ", " + e.column()) + ": " + e.reason()).toList();
        StagedRow row = staged.save(new StagedRow(null, m.indicator(), m.dataSetId(), latest.version(), latest.published(),
                StagedRow.STAGED, csv, c.added(), c.changed(), c.unchanged(), c.removed(),
                errors.isEmpty() ? null : String.join("\n", errors).replace("\r", " "), Instant.now(), null, null));
        LOG.info("EES refresh: {} version {} of data set {} staged, {} values would change", m.indicator(), latest.version(),
                m.dataSetId(), c.total());
        return Optional.of(Staged.of(row));
    }

    public List<Staged> list() {
        return staged.listNewestFirst().stream().map(Staged::of).toList();
    }

    /** Imports a staged version: all or nothing, as a file would be; 409 if it was decided already. */
    @Transactional
    public EesImportResult approve(long id, Caller caller) {
        StagedRow row = open(id);
        EesImportResult result = imports.run(row.indicatorCode(), null, List.of(), row.csvText(), false,
                new EesImport.Source(null, row.dataSetId(), row.dataSetVersion()), caller);
        if (result.errors().isEmpty()) {
            staged.update(row.decided(StagedRow.APPROVED, caller.username()));
        }
        return result;
    }

    @Transactional
    public Staged discard(long id, Caller caller) {
        StagedRow row = open(id);
        StagedRow done = staged.update(row.decided(StagedRow.DISCARDED, caller.username()));
        changes.record(caller, "benchmark-staged", Long.toString(id), "DISCARD", null,
                Map.of("indicator", row.indicatorCode(), "dataSetId", row.dataSetId(), "version", row.dataSetVersion()));
        return Staged.of(done);
    }

    private StagedRow open(long id) {
        StagedRow row = staged.findById(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Nothing staged with id " + id));
        if (!StagedRow.STAGED.equals(row.status())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Version " + row.dataSetVersion() + " of " + row.indicatorCode()
                    + " was " + row.status().toLowerCase() + " already");
        }
        return row;
    }
}
