package uk.org.quadrant.indicators.imports;

/**
 * One incoming figure, whatever the file format, with the names of the columns it came from so
 * errors can point at them. For DHIS2, {@code indicatorCode} and {@code agency} are the file's data element and
 * org unit (a mapped UID or a code) until {@link #resolved} gives the codes they stand for; {@code combo} is the
 * category option combo and {@code deleted} DHIS2's deletion flag as written (null: absent).
 */
record ImportRow(int row, String indicatorCode, String period, String agency, String value, String numerator,
                 String denominator, String comment, String combo, String deleted, Columns columns) {

    /** A Quadrant row (no combo, no deletion flag). */
    ImportRow(int row, String indicatorCode, String period, String agency, String value, String numerator,
              String denominator, String comment, Columns columns) {
        this(row, indicatorCode, period, agency, value, numerator, denominator, comment, null, null, columns);
    }

    /** The same row naming the indicator and agency by code. */
    ImportRow resolved(String indicator, String agencyCode) {
        return new ImportRow(row, indicator, period, agencyCode, value, numerator, denominator, comment, combo, deleted, columns);
    }

    /** The file format's names for each field (for DHIS2 CSV, the spelling the file's header used). */
    record Columns(String indicator, String period, String agency, String value, String numerator, String denominator,
                   String comment, String combo, String deleted) {
        static final Columns QUADRANT = new Columns("indicator_code", "period", "agency", "value", "numerator", "denominator", "comment",
                "categoryoptioncombo", "deleted");
        static final Columns DHIS2_CSV = new Columns("dataelement", "period", "orgunit", "value", "numerator", "denominator", "comment",
                "categoryoptioncombo", "deleted");
        static final Columns DHIS2_JSON = new Columns("dataElement", "period", "orgUnit", "value", "numerator", "denominator", "comment",
                "categoryOptionCombo", "deleted");

        String of(String field) {
            return switch (field) {
                case "indicator" -> indicator;
                case "period" -> period;
                case "agency" -> agency;
                case "value" -> value;
                case "numerator" -> numerator;
                case "denominator" -> denominator;
                case "comment" -> comment;
                case "combo" -> combo;
                case "deleted" -> deleted;
                default -> field;
            };
        }

        Columns withCombo(String name) {
            return new Columns(indicator, period, agency, value, numerator, denominator, comment, name, deleted);
        }
    }
}
