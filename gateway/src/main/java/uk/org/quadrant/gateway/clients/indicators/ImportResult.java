package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to an EES import ({@code POST /api/v1/benchmarks/import}): figures written (0 on a dry run),
 * figures the file holds for the mapping, areas and periods covered, how many are suppressed, what it
 * changes against what is stored, and every error by row (the file's line; the header is 1) and column.
 */
@Serdeable
public record ImportResult(int imported, @Nullable Integer valid, int geographies, @Nullable List<String> periods, int suppressed,
                           @Nullable Boolean dryRun, @Nullable Changes changes, @Nullable List<RowError> errors) {

    /** Against what is stored: figures new, different, the same, and no longer in the file. */
    @Serdeable
    public record Changes(int added, int changed, int unchanged, int removed) {

        public int total() {
            return added + changed + removed;
        }
    }

    /** One error: the file's line, the column and why. */
    @Serdeable
    public record RowError(int row, @Nullable String column, @Nullable String reason) {
    }
}
