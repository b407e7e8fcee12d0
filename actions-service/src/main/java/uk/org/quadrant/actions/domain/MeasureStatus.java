package uk.org.quadrant.actions.domain;

import java.math.BigDecimal;

/**
 * Whether an action's measurable criterion is met by the indicator's latest value:
 * {@code MET}, {@code NOT_MET}, {@code NO_DATA} (no value yet), or {@code UNAVAILABLE} when
 * indicators-service could not be asked — never an old value shown as current.
 */
public enum MeasureStatus {
    MET,
    NOT_MET,
    NO_DATA,
    UNAVAILABLE;

    /** @param comparator {@code GTE} (value ≥ target) or {@code LTE} (value ≤ target) */
    public static MeasureStatus evaluate(BigDecimal latest, String comparator, BigDecimal target) {
        if (latest == null) {
            return NO_DATA;
        }
        int cmp = latest.compareTo(target);
        boolean met = "LTE".equals(comparator) ? cmp <= 0 : cmp >= 0;
        return met ? MET : NOT_MET;
    }
}
