package uk.org.quadrant.indicators.values;

import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.domain.ValueStatus;

/**
 * Who may see which value. An agency sees its own values in any state; other agencies' values
 * only once approved, and only for indicators the board publishes. The board sees every agency's
 * values except drafts, which stay with the agency until it submits them (the board manager may
 * still enter and submit a value on an agency's behalf: see {@code ValueService}). The gateway's service
 * identity, which reaches only the single value's read, sees it in any state: its reminders tell an
 * agency's own people about their draft or returned value (who saved it, the board's reason).
 */
public final class ValueVisibility {

    private ValueVisibility() {
    }

    public static boolean visible(Caller caller, Indicator indicator, IndicatorValue value) {
        if (caller.agency().equals(value.agencyCode()) || caller.isServiceReader()) {
            return true;
        }
        if (caller.isBoard()) {
            return value.status() != ValueStatus.DRAFT;
        }
        return indicator.published() && value.status() == ValueStatus.APPROVED;
    }
}
