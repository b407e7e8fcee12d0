package uk.org.quadrant.indicators.benchmarks;

/**
 * The Department for Education's statistical neighbour models, each a file shipped with the service
 * (classpath {@code benchmarks/}, see its README): for each local authority, its 10 nearest
 * neighbours and how close each is. Each names the columns its own way.
 */
public enum NeighbourModel {
    /** The 2025 model ({@code sn_model_2025_wide.csv}): {@code old_la_code}, {@code SN_1}…, {@code SN_1P}…. */
    M2025("2025", "benchmarks/sn_model_2025_wide.csv", "old_la_code", "SN_%d", "SN_%dP"),
    /** The 2021 model: {@code LA num}, {@code SN1}…, each followed by a column named {@code SNP}. */
    M2021("2021", "benchmarks/New_Statistical_Neighbour_Groupings_April_2021.csv", "LA num", "SN%d", null);

    private final String id;
    private final String resource;
    private final String laColumn;
    private final String neighbourColumn;
    /** The closeness column's name, or null where it is the column after the neighbour's. */
    private final String closenessColumn;

    NeighbourModel(String id, String resource, String laColumn, String neighbourColumn, String closenessColumn) {
        this.id = id;
        this.resource = resource;
        this.laColumn = laColumn;
        this.neighbourColumn = neighbourColumn;
        this.closenessColumn = closenessColumn;
    }

    /** How the API names it: "2025", "2021". */
    public String id() {
        return id;
    }

    String resource() {
        return resource;
    }

    String laColumn() {
        return laColumn;
    }

    String neighbourColumn(int n) {
        return String.format(neighbourColumn, n);
    }

    String closenessColumn(int n) {
        return closenessColumn == null ? null : String.format(closenessColumn, n);
    }

    public static java.util.Optional<NeighbourModel> of(String id) {
        for (NeighbourModel m : values()) {
            if (m.id.equals(id)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
