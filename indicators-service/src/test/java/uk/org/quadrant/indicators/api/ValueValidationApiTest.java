package uk.org.quadrant.indicators.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.quadrant.common.testing.api.Api.assertNumber;
import static uk.org.quadrant.common.testing.api.Api.body;
import static uk.org.quadrant.common.testing.api.Api.enc;

/**
 * Bad input to the value and definition endpoints is a 400 problem that names the field, and
 * nothing is written; good input is computed as the domain rules say (percentages and rates from a
 * numerator and denominator, outliers flagged). Indicator codes here start with "VV-".
 */
@MicronautTest
class ValueValidationApiTest extends ApiTestBase {

    private static final String PROBLEM = "application/problem+json";

    /** The value was not written, and no change was logged for it. */
    private void assertNothingWritten(String code, String period) {
        api().get(cscUser(), value(code, period)).expect(404);
        List<Map<String, Object>> log = api().get(manager(),
                "/api/v1/change-log?entityType=value&entityId=" + enc(code + "/CSC/" + period)).expect(200).list();
        assertTrue(log.isEmpty(), "nothing logged for " + code + "/" + period + ": " + log);
    }

    private Api.Res putValue(String code, String period, Map<String, Object> body) {
        return api().put(cscUser(), value(code, period), body);
    }

    @Test
    void countsAreWholeNumbersZeroOrMore() {
        String code = "VV-COUNT";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        putValue(code, "2016April", body("value", -1)).expectFieldError("value");
        putValue(code, "2016April", body("value", 1.5)).expectFieldError("value");
        putValue(code, "2016April", body()).expectFieldError("value");
        putValue(code, "2016April", body("numerator", 3, "denominator", 4)).expectFieldError("numerator");
        putValue(code, "2016April", body("value", 3, "comment", "x".repeat(4001))).expectFieldError("comment");
        assertNothingWritten(code, "2016April");
        assertNumber("0", putValue(code, "2016April", body("value", 0)).expect(200).get("value"), "zero is a count");
    }

    @Test
    void percentagesStayWithinZeroToHundredAndComputeFromNumeratorAndDenominator() {
        String code = "VV-PCT";
        define(indicator(code, "PERCENT", "HIGHER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        putValue(code, "2016April", body("value", 100.5)).expectFieldError("value");
        putValue(code, "2016April", body("value", -0.1)).expectFieldError("value");
        putValue(code, "2016April", body("numerator", 11, "denominator", 10)).expectFieldError("numerator");
        putValue(code, "2016April", body("numerator", 5)).expectFieldError("denominator");
        putValue(code, "2016April", body("denominator", 5)).expectFieldError("numerator");
        putValue(code, "2016April", body("numerator", 0, "denominator", 0)).expectFieldError("denominator");
        putValue(code, "2016April", body("numerator", 45, "denominator", 60, "value", 80)).expectFieldError("value");
        putValue(code, "2016April", body("numerator", -1, "denominator", 60)).expectFieldError("numerator");
        assertNothingWritten(code, "2016April");

        Map<String, Object> computed = putValue(code, "2016April", body("numerator", 45, "denominator", 60)).expect(200).map();
        assertNumber("75", computed.get("value"), "45 of 60 is 75 %");
        assertNumber("45", computed.get("numerator"), "numerator kept");
        assertNumber("60", computed.get("denominator"), "denominator kept");
        // One third, to four decimal places; a typed value that agrees after rounding is accepted.
        Map<String, Object> third = putValue(code, "2017April", body("numerator", 1, "denominator", 3, "value", 33.3)).expect(200).map();
        assertNumber("33.3333", third.get("value"), "1 of 3");
        assertNumber("100", putValue(code, "2015April", body("value", 100)).expect(200).get("value"), "100 % is allowed");
        // The series shows them too.
        Map<String, Object> point = Api.find(api().get(cscUser(), INDICATORS + "/" + code + "/series").expect(200).list(),
                "period", "2016April");
        assertNumber("75", point.get("value"), "series value");
        assertNumber("45", point.get("numerator"), "series numerator");
    }

    @Test
    void periodMustBeOfTheIndicatorsFrequency() {
        String code = "VV-PERIOD";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        for (String period : List.of("2017Q1", "2017", "201704", "2017Sep", "2017AprilQ1", "2017april", "April2017", "1800April")) {
            putValue(code, period, body("value", 5)).expectFieldError("period");
            api().get(cscUser(), value(code, period)).expect(404);
        }
        api().put(manager(), INDICATORS + "/" + code + "/targets/2017Q1", Map.of("value", 1)).expectFieldError("period");
        api().put(manager(), INDICATORS + "/" + code + "/baselines/2017", Map.of("value", 1)).expectFieldError("period");
        api().put(manager(), INDICATORS + "/" + code + "/benchmarks/201703/ENGLAND", Map.of("value", 1)).expectFieldError("period");
        assertTrue(api().get(manager(), INDICATORS + "/" + code + "/targets").expect(200).list().isEmpty());
        api().get(manager(), INDICATORS + "/" + code + "/change?from=2017Q1&to=2017April").expectFieldError("from");

        // Each frequency's own identifiers are accepted.
        String quarterly = "VV-FQ";
        define(indicator(quarterly, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_QUARTER", "CSC", 1));
        putValue(quarterly, "2017AprilQ1", body("value", 5)).expect(200);
        putValue(quarterly, "2017April", body("value", 5)).expectFieldError("period");
        String monthly = "VV-MONTH";
        define(indicator(monthly, "COUNT", "LOWER_IS_BETTER", "MONTHLY", "CSC", 1));
        assertEquals("March 2018", putValue(monthly, "201803", body("value", 5)).expect(200).get("periodLabel"));
        putValue(monthly, "201813", body("value", 5)).expectFieldError("period");
    }

    @Test
    void unknownAgencyAndUnknownIndicator() {
        String code = "VV-AGENCY";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        putValue(code, "2016April", body("agency", "XYZ", "value", 5)).expectFieldError("agency");
        api().put(manager(), value(code, "2016April"), body("agency", "XYZ", "value", 5)).expectFieldError("agency");
        api().get(manager(), value(code, "2016April") + "?agency=XYZ").expectFieldError("agency");
        api().get(manager(), "/api/v1/scorecard?agency=XYZ").expectFieldError("agency");
        assertNothingWritten(code, "2016April");

        Api.Res missing = putValue("VV-NO-SUCH", "2016April", body("value", 5)).expect(404);
        assertTrue(missing.contentType.startsWith(PROBLEM), missing.contentType);
        api().get(cscUser(), value("VV-NO-SUCH", "2016April")).expect(404);
        api().get(cscUser(), INDICATORS + "/VV-NO-SUCH").expect(404);
        api().get(cscUser(), INDICATORS + "/VV-NO-SUCH/series").expect(404);
        api().post(cscLead(), value("VV-NO-SUCH", "2016April") + "/submit", Map.of()).expect(404);
        api().put(manager(), INDICATORS + "/VV-NO-SUCH/targets/2016April", Map.of("value", 1)).expect(404);
    }

    @Test
    void malformedAndMistypedBodiesAre400s() {
        String code = "VV-JSON";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        Api.Res malformed = api().raw("PUT", cscUser(), value(code, "2016April"), "{\"value\": 5,");
        malformed.expect(400);
        assertTrue(malformed.contentType.startsWith(PROBLEM), malformed.toString());
        assertFalse(malformed.body.contains("Exception"), malformed.body);
        assertFalse(malformed.body.contains("at uk.org") || malformed.body.contains("at io.micronaut"), malformed.body);

        Api.Res mistyped = api().raw("PUT", cscUser(), value(code, "2016April"), "{\"value\": \"lots\"}");
        mistyped.expect(400);
        assertTrue(mistyped.contentType.startsWith(PROBLEM), mistyped.toString());
        assertFalse(mistyped.body.contains("Exception"), mistyped.body);

        api().raw("PUT", cscUser(), value(code, "2016April"), "[1,2]").expect(400);
        api().raw("PUT", cscUser(), value(code, "2016April"), "{\"value\": 5, \"version\": \"one\"}").expect(400);
        api().raw("POST", manager(), INDICATORS, "{\"code\":").expect(400);
        api().raw("PUT", manager(), INDICATORS + "/" + code + "/targets/2016April", "{\"value\": \"high\"}").expect(400);
        assertNothingWritten(code, "2016April");
    }

    @Test
    void mistypedValueNamesTheField() {
        String code = "VV-JSON-FIELD";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        api().raw("PUT", cscUser(), value(code, "2016April"), "{\"value\": \"lots\"}").expectFieldError("value");
    }

    @Test
    void outlierIsFlaggedWhenTheValueMovesMoreThanHalfFromThePreviousPeriod() {
        String code = "VV-OUTLIER";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        assertEquals(Boolean.FALSE, putValue(code, "2014April", body("value", 100)).expect(200).get("outlier"), "no previous");
        Api.Res v15 = putValue(code, "2015April", body("value", 150)).expect(200);
        assertEquals(Boolean.FALSE, v15.get("outlier"), "exactly 50 % is not more than 50 %");
        Api.Res v15b = putValue(code, "2015April", body("value", 151, "version", v15.version())).expect(200);
        assertEquals(Boolean.TRUE, v15b.get("outlier"), "151 is more than 50 % above 100");
        assertEquals(Boolean.TRUE, putValue(code, "2016April", body("value", 75)).expect(200).get("outlier"),
                "75 is more than 50 % below 151 (50.3 %)");
        assertEquals(Boolean.FALSE, putValue(code, "2017April", body("value", 100)).expect(200).get("outlier"),
                "75 -> 100 is 33 %");
        Map<String, Object> point = Api.find(api().get(cscUser(), INDICATORS + "/" + code + "/series").expect(200).list(),
                "period", "2015April");
        assertEquals(Boolean.TRUE, point.get("outlier"), "series carries the flag");
        // The flag does not block anything: the outlier can be submitted.
        api().post(cscLead(), value(code, "2015April") + "/submit", Map.of()).expect(200);
    }

    /**
     * Figures are not always keyed in oldest first (back-filling a year, or an import). The flag must
     * describe the value against its previous period whichever was entered first.
     */
    @Test
    void outlierFlagHoldsWhenThePreviousPeriodIsEnteredLater() {
        String code = "VV-OUTLIER-LATE";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        putValue(code, "2017April", body("value", 300)).expect(200);
        putValue(code, "2016April", body("value", 100)).expect(200);
        assertEquals(Boolean.TRUE, api().get(cscUser(), value(code, "2017April")).expect(200).get("outlier"),
                "300 after 100 is a 200 % rise");
        Map<String, Object> point = Api.find(api().get(cscUser(), INDICATORS + "/" + code + "/series").expect(200).list(),
                "period", "2017April");
        assertEquals(Boolean.TRUE, point.get("outlier"), "series: " + point);
    }

    @Test
    void ratePerTenThousandFromThePopulation() {
        String code = "VV-RATE";
        Map<String, Object> definition = indicator(code, "RATE_PER_10K", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1);
        definition.put("population", "VV_UNDER_18");
        define(definition);
        // No population for 2017 yet: the numerator alone cannot be turned into a rate.
        putValue(code, "2017April", body("numerator", 700)).expectFieldError("denominator");
        assertNothingWritten(code, "2017April");

        Map<String, Object> population = api().put(manager(), "/api/v1/populations/VV_UNDER_18/2017", Map.of("value", 140000))
                .expect(200).map();
        assertNumber("140000", population.get("populationValue"), "population stored");
        Map<String, Object> rate = putValue(code, "2017April", body("numerator", 700)).expect(200).map();
        assertNumber("50", rate.get("value"), "700 per 140,000 is 50 per 10,000");
        assertNumber("700", rate.get("numerator"), "numerator");
        assertNumber("140000", rate.get("denominator"), "the population used is recorded");

        // An explicit denominator wins over the population.
        assertNumber("100", putValue(code, "2016April", body("numerator", 700, "denominator", 70000)).expect(200).get("value"),
                "700 per 70,000");
        // A plain rate is accepted as given, but a negative one is not.
        assertNumber("42.5", putValue(code, "2015April", body("value", 42.5)).expect(200).get("value"), "typed rate");
        putValue(code, "2014April", body("value", -1)).expectFieldError("value");

        // Populations are positive whole numbers, for the manager only.
        api().put(manager(), "/api/v1/populations/VV_UNDER_18/2018", Map.of("value", 0)).expectFieldError("value");
        api().put(manager(), "/api/v1/populations/VV_UNDER_18/2018", Map.of("value", 10.5)).expectFieldError("value");
        api().put(manager(), "/api/v1/populations/VV_UNDER_18/2018", Map.of()).expectFieldError("value");
        assertEquals(400, api().put(manager(), "/api/v1/populations/vv-under-18/2018", Map.of("value", 10)).status);
        assertEquals(400, api().put(manager(), "/api/v1/populations/VV_UNDER_18/1066", Map.of("value", 10)).status);
        assertFalse(api().get(manager(), "/api/v1/populations").expect(200).body.contains("2018"), "nothing written for 2018");
    }

    @Test
    void indicatorDefinitionsAreValidated() {
        Map<String, Object> bad = indicator("vv lower case", "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1);
        api().post(manager(), INDICATORS, bad).expectFieldError("code");
        api().post(manager(), INDICATORS, indicator("VV-OWNER", "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "XYZ", 1))
                .expectFieldError("ownerAgency");
        api().post(manager(), INDICATORS, indicator("VV-PRIORITY", "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 9))
                .expectFieldError("priority");
        Map<String, Object> noUnit = indicator("VV-NO-UNIT", "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1);
        noUnit.remove("unit");
        api().post(manager(), INDICATORS, noUnit).expectFieldError("unit");
        Map<String, Object> tolerance = indicator("VV-TOLERANCE", "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1);
        tolerance.put("tolerancePercent", 101);
        api().post(manager(), INDICATORS, tolerance).expectFieldError("tolerancePercent");
        api().post(manager(), INDICATORS, indicator("VV-RATE-NO-POP", "RATE_PER_10K", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1))
                .expectFieldError("population");
        Api.Res badEnum = api().raw("POST", manager(), INDICATORS,
                "{\"code\":\"VV-ENUM\",\"title\":\"t\",\"unit\":\"LITRES\",\"polarity\":\"LOWER_IS_BETTER\","
                        + "\"frequency\":\"FINANCIAL_YEAR\",\"ownerAgency\":\"CSC\",\"priority\":1}");
        badEnum.expect(400);
        for (String code : List.of("VV-OWNER", "VV-PRIORITY", "VV-NO-UNIT", "VV-TOLERANCE", "VV-RATE-NO-POP", "VV-ENUM")) {
            api().get(manager(), INDICATORS + "/" + code).expect(404);
        }
        // A code in the body that differs from the path.
        String code = "VV-PATH";
        long version = define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1)).version();
        Map<String, Object> other = indicator("VV-OTHER", "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1);
        other.put("version", version);
        api().put(manager(), INDICATORS + "/" + code, other).expectFieldError("code");
        api().get(manager(), INDICATORS + "/VV-OTHER").expect(404);
    }

    @Test
    void actionBodiesAreValidated() {
        String code = "VV-ACTION";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        putValue(code, "2016April", body("value", 5)).expect(200);
        api().post(cscLead(), value(code, "2016April") + "/submit", Map.of()).expect(200);
        api().post(manager(), value(code, "2016April") + "/return", body("reason", "r".repeat(4001))).expectFieldError("reason");
        api().post(manager(), value(code, "2016April") + "/return", body("agency", "XYZ", "reason", "r")).expectFieldError("agency");
        api().raw("POST", manager(), value(code, "2016April") + "/approve", "{\"version\":").expect(400);
        assertEquals("SUBMITTED", api().get(manager(), value(code, "2016April")).expect(200).get("status"), "unchanged");
    }

    /**
     * A benchmark's comparator may be "an authority's name (up to 64 characters)"; the change log
     * keys it as {@code CODE/PERIOD/COMPARATOR}.
     */
    @Test
    void benchmarkWithALongComparatorIsStoredAndLogged() {
        String code = "VV-BENCH";
        define(indicator(code, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 1));
        String shortName = "ENGLAND";
        api().put(manager(), INDICATORS + "/" + code + "/benchmarks/2016April/" + shortName, Map.of("value", 43)).expect(200);
        String longName = "Statistical neighbours average (CIPFA nearest ten authorities)"; // 62 characters
        assertTrue(longName.length() <= 64);
        Api.Res res = api().put(manager(), INDICATORS + "/" + code + "/benchmarks/2016April/" + enc(longName).replace("+", "%20"),
                Map.of("value", 45));
        res.expect(200);
        assertEquals(longName, res.get("comparator"));
        api().put(manager(), INDICATORS + "/" + code + "/benchmarks/2016April/" + "x".repeat(65), Map.of("value", 1))
                .expectFieldError("comparator");
    }
}
