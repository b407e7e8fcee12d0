package uk.org.quadrant.indicators.values;

import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.domain.Rates;
import uk.org.quadrant.indicators.domain.Unit;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The validation rules for a figure and the value it stands for (pure: no I/O).
 * Counts are non-negative whole numbers; percentages 0–100 with numerator ≤ denominator; rates per
 * 10,000 are computed from a numerator and the population (or a given denominator); days are
 * non-negative.
 */
public final class ValueRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A typed value may differ from the one computed from numerator/denominator by rounding only. */
    private static final BigDecimal ROUNDING_SLACK = new BigDecimal("0.05");

    private ValueRules() {
    }

    /** The value (computed or given) and the denominator actually used. */
    public record Resolved(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }

    /**
     * @param populationForYear population of the indicator's population code in a year, if known
     * @param populationYear    the calendar year of the period (for rates)
     */
    public static Resolved resolve(Indicator indicator, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                                   IntFunction<OptionalLong> populationForYear, int populationYear) {
        List<FieldError> errors = new ArrayList<>();
        Unit unit = indicator.unit();
        boolean fraction = unit == Unit.PERCENT || unit == Unit.RATE_PER_10K;
        BigDecimal usedDenominator = denominator;
        // The shape of numerator and denominator.
        if (!fraction && (numerator != null || denominator != null)) {
            errors.add(new FieldError(numerator != null ? "numerator" : "denominator",
                    "only percentages and rates take a numerator and denominator"));
        }
        if (fraction && numerator != null && numerator.signum() < 0) {
            errors.add(new FieldError("numerator", "must be zero or more"));
        }
        if (fraction && denominator != null && denominator.signum() <= 0) {
            errors.add(new FieldError("denominator", "must be greater than zero"));
        }
        if (fraction && numerator == null && denominator != null) {
            errors.add(new FieldError("numerator", "is required when a denominator is given"));
        }
        if (unit == Unit.PERCENT && numerator != null && denominator == null) {
            errors.add(new FieldError("denominator", "is required when a numerator is given"));
        }
        if (unit == Unit.RATE_PER_10K && numerator != null && denominator == null) {
            OptionalLong population = indicator.population() == null ? OptionalLong.empty()
                    : populationForYear.apply(populationYear);
            if (population.isEmpty()) {
                errors.add(new FieldError("denominator", "no " + (indicator.population() == null ? "population" : indicator.population())
                        + " figure for " + populationYear + "; give a denominator or ask the board manager to add the population"));
            } else {
                usedDenominator = BigDecimal.valueOf(population.getAsLong());
            }
        }
        boolean shapeOk = errors.isEmpty();
        // A typed value must be in range whatever else is wrong.
        String valueRange = value == null ? null : rangeProblem(unit, value);
        if (valueRange != null) {
            errors.add(new FieldError("value", valueRange));
        }
        BigDecimal result = value;
        if (shapeOk && fraction && numerator != null) {
            if (unit == Unit.PERCENT && numerator.compareTo(usedDenominator) > 0) {
                errors.add(new FieldError("numerator", "must not be more than the denominator"));
                result = null;
            } else {
                BigDecimal computed = Rates.compute(unit, numerator, usedDenominator);
                if (value != null && valueRange == null && value.subtract(computed).abs().compareTo(ROUNDING_SLACK) > 0) {
                    errors.add(new FieldError("value", "does not match numerator/denominator (" + computed.toPlainString()
                            + "); leave it out to have it computed"));
                }
                result = computed;
            }
        }
        if (value == null && numerator == null && denominator == null) {
            errors.add(new FieldError("value", fraction ? "is required (or a numerator and denominator)" : "is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Resolved(Rates.clean(result), numerator, usedDenominator);
    }

    /** Why a value is out of range for its unit, or null if it is fine. */
    private static String rangeProblem(Unit unit, BigDecimal value) {
        return switch (unit) {
            case COUNT -> value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                    ? "a count must be a whole number, zero or more" : null;
            case PERCENT -> value.signum() < 0 || value.compareTo(HUNDRED) > 0 ? "a percentage must be between 0 and 100" : null;
            case RATE_PER_10K, DAYS -> value.signum() < 0 ? "must be zero or more" : null;
        };
    }

    /** DHIS2-style outlier check: more than 50 % away from the previous period's value. */
    public static boolean isOutlier(BigDecimal value, BigDecimal previous) {
        if (previous == null) {
            return false;
        }
        if (previous.signum() == 0) {
            return value.signum() != 0;
        }
        return value.subtract(previous).abs().compareTo(previous.abs().multiply(new BigDecimal("0.5"))) > 0;
    }
}
