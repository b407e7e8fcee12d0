package uk.org.quadrant.actions.measures;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.actions.domain.MeasureStatus;
import uk.org.quadrant.common.problem.InvalidRequestException;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates measurable criteria live against indicators-service, one call per request whatever the
 * number of actions. If indicators-service is down or slow, every measure reads UNAVAILABLE and the
 * actions still read.
 */
@Singleton
public class SuccessMeasures {

    private static final Logger LOG = LoggerFactory.getLogger(SuccessMeasures.class);

    private final IndicatorsClient indicators;

    SuccessMeasures(IndicatorsClient indicators) {
        this.indicators = indicators;
    }

    /** A measure for each measurable criterion (by action id); empty map when none is measurable. */
    public Map<Long, Measure> evaluate(Collection<Criterion> criteria, String authorization) {
        var measurable = criteria.stream().filter(c -> c.indicator() != null).toList();
        if (measurable.isEmpty()) {
            return Map.of();
        }
        Optional<Map<String, IndicatorsClient.LatestValue>> latest = scorecard(authorization);
        return measurable.stream().collect(Collectors.toMap(Criterion::actionId, c -> latest
                .map(values -> measure(c, values.get(c.indicator())))
                .orElse(Measure.UNAVAILABLE)));
    }

    /** Refuses a criterion naming an indicator indicators-service does not know. */
    public void checkIndicatorExists(String code, String authorization) {
        try {
            // A declarative client returning HttpResponse hands back error statuses rather than throwing.
            int status = indicators.indicator(authorization, code).code();
            if (status == HttpStatus.NOT_FOUND.getCode()) {
                throw new InvalidRequestException("measureIndicator", "'" + code + "' is not an indicator in indicators-service");
            }
            if (status >= 400) {
                throw unavailable();
            }
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND) {
                throw new InvalidRequestException("measureIndicator", "'" + code + "' is not an indicator in indicators-service");
            }
            throw unavailable();
        } catch (HttpClientException e) {
            throw unavailable();
        }
    }

    private static HttpStatusException unavailable() {
        return new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "indicators-service cannot be reached to check the measurable criterion; try again shortly");
    }

    private Optional<Map<String, IndicatorsClient.LatestValue>> scorecard(String authorization) {
        try {
            return Optional.of(indicators.scorecard(authorization).stream()
                    .collect(Collectors.toMap(IndicatorsClient.LatestValue::code, Function.identity(), (a, b) -> a)));
        } catch (HttpClientException e) {
            LOG.warn("indicators-service unavailable for success measures: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Trailing zeros stripped, never in exponent form (80, not 8E+1). */
    public static java.math.BigDecimal plain(java.math.BigDecimal d) {
        if (d == null) {
            return null;
        }
        java.math.BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Measure measure(Criterion c, IndicatorsClient.LatestValue latest) {
        if (latest == null || latest.value() == null) {
            return new Measure(MeasureStatus.NO_DATA, null, null, null);
        }
        return new Measure(MeasureStatus.evaluate(latest.value(), c.comparator(), c.target()),
                plain(latest.value()), latest.period(), latest.periodLabel());
    }
}
