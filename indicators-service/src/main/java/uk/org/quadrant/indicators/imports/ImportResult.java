package uk.org.quadrant.indicators.imports;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to an import: how many rows were written ({@code imported}, 0 on a dry run or when
 * any row fails), how many rows are valid, and every error by row and column.
 */
@Serdeable
public record ImportResult(int imported, int valid, boolean dryRun, List<RowError> errors) {

    /** {@code row}: the line number in a CSV file (the header is line 1), or the 1-based position in a JSON list. */
    @Serdeable
    public record RowError(int row, String column, String reason) {
    }
}
