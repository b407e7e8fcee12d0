package uk.org.quadrant.indicators.domain;

/** How often an indicator is measured; fixes the form of its period identifiers. */
public enum Frequency {
    /** {@code 201803}: March 2018 (also "as at 31 March 2018" snapshots). */
    MONTHLY,
    /** {@code 2017AprilQ1}: April–June 2017, the first quarter of financial year 2017/18. */
    FINANCIAL_QUARTER,
    /** {@code 2017April}: April 2017 – March 2018, shown "2017/18". */
    FINANCIAL_YEAR,
    /** {@code 2016Sep}: September 2016 – August 2017, shown "2016/17". */
    ACADEMIC_YEAR,
    /** {@code 2018}: the calendar year. */
    CALENDAR_YEAR,
    /** {@code 2018Q1}: January–March 2018. */
    CALENDAR_QUARTER
}
