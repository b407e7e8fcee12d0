package uk.org.quadrant.indicators.reports;

import java.math.BigDecimal;
import uk.org.quadrant.indicators.domain.Rates;
import uk.org.quadrant.indicators.domain.ValueStatus;
import uk.org.quadrant.indicators.targets.ReferenceKind;
import uk.org.quadrant.indicators.targets.ReferenceFigure;
import uk.org.quadrant.indicators.targets.ReferenceFigureRepository;
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
 * that one exists tells the board work is under way); an agency sees only its own returns. The gateway's
 * service identity sees every agency's, as the board does (its reminders say what each agency owes).
 */
@Singleton
public class SubmissionService {

    private final IndicatorCatalogue catalogue;
    private final IndicatorValueRepository values;
    private final ReferenceFigureRepository figures;

    SubmissionService(IndicatorCatalogue catalogue, IndicatorValueRepository values, ReferenceFigureRepository figures) {
        this.catalogue = catalogue;
        this.values = values;
        this.figures = figures;
    }

    public SubmissionStatus status(String period, Caller caller) {
        Period p = Period.parse(period).orElseThrow(() -> new InvalidRequestException("period", "'" + period + "' is not a period identifier"));
        Period previous = p.previous();
        // this period's values and the previous period's (for "previous value" beside a submitted one), in one read
        Map<String, IndicatorValue> byKey = new java.util.HashMap<>();
        Map<String, IndicatorValue> before = new java.util.HashMap<>();
        for (IndicatorValue v : values.findByPeriodInList(List.of(p.id(), previous.id()))) {
            (v.period().equals(p.id()) ? byKey : before).put(v.indicatorCode() + "/" + v.agencyCode(), v);
        }
        Map<String, BigDecimal> targets = targets(byKey.values().stream()
                .filter(v -> v.status() == ValueStatus.SUBMITTED).map(IndicatorValue::indicatorCode).toList(), p.id());
        Map<String, List<SubmissionStatus.Item>> byAgency = new TreeMap<>();
        for (Indicator indicator : catalogue.all()) {
            if (!indicator.active() || indicator.frequency() != p.frequency()) {
                continue;
            }
            if (!caller.readsEveryAgency() && !caller.agency().equals(indicator.ownerAgency())) {
                continue;
            }
            String key = indicator.code() + "/" + indicator.ownerAgency();
            IndicatorValue v = byKey.get(key);
            SubmissionStatus.Item item;
            if (v == null) {
                item = new SubmissionStatus.Item(indicator.code(), indicator.title(), "MISSING");
            } else if (v.status() == ValueStatus.SUBMITTED) {
                IndicatorValue prior = before.get(key);
                boolean priorShown = prior != null && prior.status() == ValueStatus.APPROVED;
                item = new SubmissionStatus.Item(indicator.code(), indicator.title(), v.status().name(), Rates.clean(v.amount()),
                        v.version(), v.submittedBy(), v.commentary(), targets.get(indicator.code()),
                        priorShown ? Rates.clean(prior.amount()) : null, priorShown ? previous.label() : null);
            } else {
                item = new SubmissionStatus.Item(indicator.code(), indicator.title(), v.status().name());
            }
            byAgency.computeIfAbsent(indicator.ownerAgency(), k -> new ArrayList<>()).add(item);
        }
        List<SubmissionStatus.AgencyReturns> agencies = byAgency.entrySet().stream().map(e -> {
            List<SubmissionStatus.Item> items = e.getValue();
            return new SubmissionStatus.AgencyReturns(e.getKey(), items.size(), count(items, "MISSING"), count(items, "DRAFT"),
                    count(items, "SUBMITTED"), count(items, "APPROVED"), count(items, "RETURNED"), items);
        }).toList();
        return new SubmissionStatus(p.id(), p.label(), agencies);
    }

    /** How many values wait for the board's decision, over every period. */
    public long waiting() {
        return values.countByStatus(ValueStatus.SUBMITTED);
    }

    /** Each indicator's target for the period, of those given (one read; none asked, none read). */
    private Map<String, BigDecimal> targets(List<String> codes, String period) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        for (ReferenceFigure f : figures.findByIndicatorCodeInList(codes)) {
            if (f.kind() == ReferenceKind.TARGET && f.period().equals(period) && f.figure() != null) {
                out.put(f.indicatorCode(), Rates.clean(f.figure()));
            }
        }
        return out;
    }

    private static int count(List<SubmissionStatus.Item> items, String status) {
        return (int) items.stream().filter(i -> i.status().equals(status)).count();
    }
}
