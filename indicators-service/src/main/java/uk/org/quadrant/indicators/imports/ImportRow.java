package uk.org.quadrant.indicators.imports;

/**
 * One incoming figure, whatever the file format, with the names of the columns it came from so
 * errors can point at them.
 */
record ImportRow(int row, String indicatorCode, String period, String agency, String value, String numerator,
                 String denominator, String comment, Columns columns) {

    /** The file format's names for each field. */
    record Columns(String indicator, String period, String agency, String value, String numerator, String denominator,
                   String comment) {
        static final Columns QUADRANT = new Columns("indicator_code", "period", "agency", "value", "numerator", "denominator", "comment");
        static final Columns DHIS2_CSV = new Columns("dataelement", "period", "orgunit", "value", "numerator", "denominator", "comment");
        static final Columns DHIS2_JSON = new Columns("dataElement", "period", "orgUnit", "value", "numerator", "denominator", "comment");

        String of(String field) {
            return switch (field) {
                case "indicator" -> indicator;
                case "period" -> period;
                case "agency" -> agency;
                case "value" -> value;
                case "numerator" -> numerator;
                case "denominator" -> denominator;
                case "comment" -> comment;
                default -> field;
            };
        }
    }
}
