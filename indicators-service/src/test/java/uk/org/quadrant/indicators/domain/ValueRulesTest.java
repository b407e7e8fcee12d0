package uk.org.quadrant.indicators.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem.FieldError;
import uk.org.quadrant.indicators.values.ValueRules;
import uk.org.quadrant.indicators.values.ValueRules.Resolved;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation and computation of a figure (ValueRules.resolve) and the outlier check. */
class ValueRulesTest {

    private static final int YEAR = 2017;
    private static final IntFunction<OptionalLong> NO_POPULATION = year -> OptionalLong.empty();
    private static final IntFunction<OptionalLong> POPULATION_2017 =
            year -> year == 2017 ? OptionalLong.of(141_800) : OptionalLong.empty();

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static Indicator indicator(Unit unit, String population) {
        return new Indicator("IND1", "An indicator", null, unit, Polarity.HIGHER_IS_BETTER, Frequency.FINANCIAL_YEAR,
                "LA", 1, new BigDecimal("10"), null, null, population, true, true, null, "test", Instant.EPOCH);
    }

    private static Indicator indicator(Unit unit) {
        return indicator(unit, null);
    }

    private static Resolved ok(Unit unit, String value, String numerator, String denominator) {
        return ValueRules.resolve(indicator(unit), d(value), d(numerator), d(denominator), NO_POPULATION, YEAR);
    }

    private static List<FieldError> errors(Indicator indicator, String value, String numerator, String denominator,
                                           IntFunction<OptionalLong> population) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () ->
                ValueRules.resolve(indicator, d(value), d(numerator), d(denominator), population, YEAR));
        assertFalse(e.errors().isEmpty());
        for (FieldError fe : e.errors()) {
            assertFalse(fe.message() == null || fe.message().isBlank(), "message for " + fe.field());
        }
        return e.errors();
    }

    private static List<String> fields(Unit unit, String value, String numerator, String denominator) {
        return errors(indicator(unit), value, numerator, denominator, NO_POPULATION).stream().map(FieldError::field).toList();
    }

    private static void assertNum(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    // ---- COUNT

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "569", "5.0", "1000000"})
    void countAcceptsWholeNumbers(String value) {
        Resolved r = ok(Unit.COUNT, value, null, null);
        assertNum(value, r.value());
        assertNull(r.numerator());
        assertNull(r.denominator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.5", "2.5", "0.1", "569.01"})
    void countRejectsNegativeOrFractional(String value) {
        assertEquals(List.of("value"), fields(Unit.COUNT, value, null, null));
    }

    @Test
    void countTakesNoNumeratorOrDenominator() {
        assertEquals(List.of("numerator"), fields(Unit.COUNT, "5", "5", null));
        assertEquals(List.of("numerator"), fields(Unit.COUNT, "5", "5", "10"));
        assertEquals(List.of("numerator"), fields(Unit.COUNT, null, "5", "10"));
        assertEquals(List.of("denominator"), fields(Unit.COUNT, "5", null, "10"));
    }

    @Test
    void countMissingValue() {
        assertEquals(List.of("value"), fields(Unit.COUNT, null, null, null));
    }

    // ---- PERCENT

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "100.00", "0.01", "19.3", "99.99"})
    void percentAcceptsZeroToHundred(String value) {
        assertNum(value, ok(Unit.PERCENT, value, null, null).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.01", "-1", "-0.01", "101", "1000"})
    void percentRejectsOutOfRange(String value) {
        assertEquals(List.of("value"), fields(Unit.PERCENT, value, null, null));
    }

    @Test
    void percentComputedFromNumeratorAndDenominator() {
        Resolved r = ok(Unit.PERCENT, null, "149", "773");
        assertEquals("19.2755", r.value().toPlainString());
        assertNum("149", r.numerator());
        assertNum("773", r.denominator());
    }

    @Test
    void percentNumeratorEqualToDenominatorIsHundred() {
        assertNum("100", ok(Unit.PERCENT, null, "773", "773").value());
        assertNum("0", ok(Unit.PERCENT, null, "0", "773").value());
    }

    @Test
    void percentNumeratorMoreThanDenominator() {
        assertEquals(List.of("numerator"), fields(Unit.PERCENT, null, "774", "773"));
        assertEquals(List.of("numerator"), fields(Unit.PERCENT, null, "773.01", "773"));
    }

    @Test
    void percentNumeratorWithoutDenominator() {
        assertEquals(List.of("denominator"), fields(Unit.PERCENT, null, "149", null));
        assertEquals(List.of("denominator"), fields(Unit.PERCENT, "19.3", "149", null));
    }

    @Test
    void percentDenominatorWithoutNumerator() {
        assertEquals(List.of("numerator"), fields(Unit.PERCENT, null, null, "773"));
        assertEquals(List.of("numerator"), fields(Unit.PERCENT, "19.3", null, "773"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-773"})
    void percentDenominatorMustBePositive(String denominator) {
        assertEquals(List.of("denominator"), fields(Unit.PERCENT, null, "0", denominator));
        assertEquals(List.of("denominator"), fields(Unit.PERCENT, null, "149", denominator));
    }

    @Test
    void percentNegativeNumeratorRejected() {
        assertThrows(InvalidRequestException.class, () -> ok(Unit.PERCENT, null, "-1", "773"));
    }

    /** 149/773 = 19.2755 (to 4 places): a typed value within 0.05 of it is accepted; the computed value wins. */
    @ParameterizedTest
    @ValueSource(strings = {"19.3", "19.28", "19.2755", "19.2255", "19.3255", "19.25"})
    void typedValueWithinRoundingSlackAccepted(String typed) {
        Resolved r = ok(Unit.PERCENT, typed, "149", "773");
        assertEquals("19.2755", r.value().toPlainString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.3256", "19.2254", "19.33", "19.2", "20", "0"})
    void typedValueDisagreeingWithFractionRejected(String typed) {
        assertEquals(List.of("value"), fields(Unit.PERCENT, typed, "149", "773"));
    }

    @Test
    void percentMissingValue() {
        assertEquals(List.of("value"), fields(Unit.PERCENT, null, null, null));
    }

    // ---- RATE_PER_10K

    @Test
    void rateComputedFromPopulation() {
        Resolved r = ValueRules.resolve(indicator(Unit.RATE_PER_10K, "CHILDREN_0_17"), null, d("100"), null,
                POPULATION_2017, 2017);
        assertEquals("7.0522", r.value().toPlainString());
        assertNum("100", r.numerator());
        assertNum("141800", r.denominator());
    }

    @Test
    void rateAsksForThePeriodsPopulationYear() {
        List<Integer> asked = new ArrayList<>();
        ValueRules.resolve(indicator(Unit.RATE_PER_10K, "CHILDREN_0_17"), null, d("100"), null,
                year -> {
                    asked.add(year);
                    return OptionalLong.of(141_800);
                }, 2016);
        assertEquals(List.of(2016), asked);
    }

    @Test
    void rateTypedValueCheckedAgainstPopulation() {
        Indicator rate = indicator(Unit.RATE_PER_10K, "CHILDREN_0_17");
        assertEquals("7.0522", ValueRules.resolve(rate, d("7.05"), d("100"), null, POPULATION_2017, 2017).value().toPlainString());
        assertEquals(List.of("value"), errors(rate, "7.2", "100", null, POPULATION_2017).stream().map(FieldError::field).toList());
    }

    @Test
    void rateWithoutPopulationFigure() {
        // the indicator names a population but there is no figure for the year
        List<FieldError> e = errors(indicator(Unit.RATE_PER_10K, "CHILDREN_0_17"), null, "100", null, NO_POPULATION);
        assertEquals(List.of("denominator"), e.stream().map(FieldError::field).toList());
        assertTrue(e.get(0).message().contains("2017"), e.get(0).message());
        // figure for another year only
        InvalidRequestException other = assertThrows(InvalidRequestException.class, () ->
                ValueRules.resolve(indicator(Unit.RATE_PER_10K, "CHILDREN_0_17"), null, d("100"), null, POPULATION_2017, 2018));
        assertEquals(List.of("denominator"), other.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void rateIndicatorWithoutPopulationCode() {
        // no population code: the population function is not consulted even if it has a figure
        assertEquals(List.of("denominator"),
                errors(indicator(Unit.RATE_PER_10K, null), null, "100", null, POPULATION_2017).stream().map(FieldError::field).toList());
    }

    @Test
    void rateWithGivenDenominator() {
        Resolved r = ValueRules.resolve(indicator(Unit.RATE_PER_10K, "CHILDREN_0_17"), null, d("100"), d("141800"),
                NO_POPULATION, YEAR);
        assertEquals("7.0522", r.value().toPlainString());
        assertNum("141800", r.denominator());
        // a rate's numerator may exceed its denominator
        assertNum("20000", ok(Unit.RATE_PER_10K, null, "2", "1").value());
    }

    @Test
    void rateOtherRules() {
        assertNum("7.05", ok(Unit.RATE_PER_10K, "7.05", null, null).value());
        assertNum("0", ok(Unit.RATE_PER_10K, "0", null, null).value());
        assertNum("12000", ok(Unit.RATE_PER_10K, "12000", null, null).value());
        assertEquals(List.of("value"), fields(Unit.RATE_PER_10K, "-0.01", null, null));
        assertEquals(List.of("numerator"), fields(Unit.RATE_PER_10K, null, null, "141800"));
        assertEquals(List.of("denominator"), fields(Unit.RATE_PER_10K, null, "100", "0"));
        assertEquals(List.of("value"), fields(Unit.RATE_PER_10K, null, null, null));
    }

    // ---- DAYS

    @Test
    void days() {
        assertNum("0", ok(Unit.DAYS, "0", null, null).value());
        assertNum("12.5", ok(Unit.DAYS, "12.5", null, null).value());
        assertNum("365", ok(Unit.DAYS, "365", null, null).value());
        assertEquals(List.of("value"), fields(Unit.DAYS, "-1", null, null));
        assertEquals(List.of("value"), fields(Unit.DAYS, "-0.5", null, null));
        assertEquals(List.of("value"), fields(Unit.DAYS, null, null, null));
        assertEquals(List.of("numerator"), fields(Unit.DAYS, "5", "5", "10"));
    }

    // ---- several errors at once

    /**
     * Each request below breaks two rules; both fields should be named in the one 400 (DESIGN.md: a
     * field-level list of validation errors).
     */
    @ParameterizedTest(name = "{0} value={1} numerator={2} denominator={3} -> {4}")
    @CsvSource({
            "COUNT,        -1,  3,   ,    numerator;value",
            "COUNT,        2.5, ,    10,  denominator;value",
            "DAYS,         -1,  3,   ,    numerator;value",
            "PERCENT,      150, 5,   ,    denominator;value",
            "PERCENT,      -1,  ,    10,  numerator;value",
            "RATE_PER_10K, -3,  ,    10,  numerator;value",
    })
    void severalErrorsReportedTogether(Unit unit, String value, String numerator, String denominator, String expected) {
        List<String> fields = fields(unit, value, numerator, denominator);
        assertEquals(List.of(expected.split(";")), fields.stream().sorted().toList());
    }

    // ---- outliers: more than 50 % away from the previous value

    @ParameterizedTest(name = "previous {0}, value {1} -> outlier {2}")
    @CsvSource({
            "100,  150,    false",  // +50 % exactly
            "100,  150.00, false",
            "100,  150.01, true",   // +50.01 %
            "100,  50,     false",  // -50 % exactly
            "100,  49.99,  true",
            "100,  40,     true",   // -60 %
            "100,  100,    false",
            "100,  0,      true",
            "569,  730,    false",
            "170,  106,    false",  // -37.6 %
            "0,    0,      false",
            "0,    0.00,   false",
            "0,    5,      true",
            "0,    -5,     true",
            "-100, -150,   false",
            "-100, -150.01, true",
            "-100, -40,    true",
    })
    void isOutlier(String previous, String value, boolean expected) {
        assertEquals(expected, ValueRules.isOutlier(d(value), d(previous)));
    }

    @Test
    void noPreviousIsNotAnOutlier() {
        assertFalse(ValueRules.isOutlier(d("5"), null));
        assertFalse(ValueRules.isOutlier(d("0"), null));
    }
}
