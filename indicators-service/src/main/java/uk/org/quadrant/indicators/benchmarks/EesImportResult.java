package uk.org.quadrant.indicators.benchmarks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.org.quadrant.indicators.imports.ImportResult.RowError;

import java.util.List;

/**
 * The answer to an EES import: {@code imported} figures written (0 on a dry run or when any row fails),
 * {@code valid} figures the file holds for the mapping, the areas ({@code geographies}) and Quadrant
 * {@code periods} they cover, how many are {@code suppressed} (a code, not a number), what the import
 * changes against what is stored ({@code changes}), and every error by row (the file's line; the
 * header is 1) and column.
 */
@Serdeable
public record EesImportResult(int imported, int valid, int geographies, List<String> periods, int suppressed, boolean dryRun,
                              @Nullable Changes changes, @Nullable Long importId, List<RowError> errors) {

    /** Against what is stored for the same periods: figures new, different, the same, and no longer in the file. */
    @Serdeable
    public record Changes(int added, int changed, int unchanged, int removed) {

        /** Figures the import changes: added, changed or removed ("12 values would change"). */
        public int total() {
            return added + changed + removed;
        }
    }

    static EesImportResult failed(boolean dryRun, List<RowError> errors) {
        return new EesImportResult(0, 0, 0, List.of(), 0, dryRun, null, null, errors);
    }
}
