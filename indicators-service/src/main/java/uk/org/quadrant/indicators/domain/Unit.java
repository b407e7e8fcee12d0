package uk.org.quadrant.indicators.domain;

/** What an indicator's value counts. */
public enum Unit {
    COUNT,
    PERCENT,
    RATE_PER_10K,
    DAYS
}
