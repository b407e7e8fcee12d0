package uk.org.quadrant.indicators.domain;

/** Which way is good. {@code NEUTRAL} marks context measures (demand, volumes) that have no good direction. */
public enum Polarity {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEUTRAL
}
