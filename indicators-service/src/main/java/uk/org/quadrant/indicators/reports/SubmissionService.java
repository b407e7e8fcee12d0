package uk.org.quadrant.indicators.reports;

import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.indicators.values.IndicatorValue;
import uk.org.quadrant.indicators.values.IndicatorValueRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Submission status for a period: each active indicator of the period's frequency is due from its
 * owner agency. The board sees every agency's states (a draft's figure stays hidden elsewhere, but
 * that one exists tells the board work is under way); an agency sees only its own returns.
 */
@Singleton
public class SubmissionService {

    private final IndicatorCatalogue catalogue;
    private final IndicatorValueRepository values;

    SubmissionService(IndicatorCatalogue catalogue, IndicatorValueRepository values) {
        this.catalogue = catalogue;
        this.values = values;
    }

    public SubmissionStatus status(String period, Caller caller) {
        Period p = Period.parse(period).orElseThrow(() -> new InvalidRequestException("period", "'" + period + "' is not a period identifier"));
        Map<String, IndicatorValue> byKey = values.findByPeriodInList(List.of(period)).stream()
                .collect(Collectors.toMap(v -> v.indicatorCode() + "/" + v.agencyCode(), Function.identity()));
        Map<String, List<SubmissionStatus.Item>> byAgency = new TreeMap<>();
        for (Indicator indicator : catalogue.all()) {
            if (!indicator.active() || indicator.frequency() != p.frequency()) {
                continue;
            }
            if (!caller.isBoard() && !caller.agency().equals(indicator.ownerAgency())) {
                continue;
            }
            IndicatorValue v = byKey.get(indicator.code() + "/" + indicator.ownerAgency());
            String status = v == null ? "MISSING" : v.status().name();
            byAgency.computeIfAbsent(indicator.ownerAgency(), k -> new ArrayList<>())
                    .add(new SubmissionStatus.Item(indicator.code(), indicator.title(), status));
        }
        List<SubmissionStatus.AgencyReturns> agencies = byAgency.entrySet().stream().map(e -> {
            List<SubmissionStatus.Item> items = e.getValue();
            return new SubmissionStatus.AgencyReturns(e.getKey(), items.size(), count(items, "MISSING"), count(items, "DRAFT"),
                    count(items, "SUBMITTED"), count(items, "APPROVED"), count(items, "RETURNED"), items);
        }).toList();
        return new SubmissionStatus(p.id(), p.label(), agencies);
    }

    private static int count(List<SubmissionStatus.Item> items, String status) {
        return (int) items.stream().filter(i -> i.status().equals(status)).count();
    }
}
