package uk.org.quadrant.indicators.dhis2;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.common.csv.SpreadsheetCsv;
import uk.org.quadrant.indicators.values.IndicatorValue;
import uk.org.quadrant.indicators.values.IndicatorValueRepository;
import uk.org.quadrant.indicators.values.ValueVisibility;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The way back out (issue 20): the values a caller may see ({@link ValueVisibility}: an agency its own in any
 * state and others' approved values of published indicators; the board every agency's but drafts), optionally
 * of one indicator, period and agency, as a DHIS2 data value set with the mapped UIDs where they exist.
 */
@Singleton
public class DataValueSets {

    /** DHIS2's CSV header (its newer names), then Quadrant's own numerator and denominator, which DHIS2 reads past. */
    static final List<String> CSV_HEADER = List.of("dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo",
            "value", "storedby", "lastupdated", "comment", "followup", "deleted", "numerator", "denominator");

    private final IndicatorValueRepository values;
    private final IndicatorCatalogue catalogue;
    private final Agencies agencies;
    private final Dhis2Mappings mappings;

    DataValueSets(IndicatorValueRepository values, IndicatorCatalogue catalogue, Agencies agencies, Dhis2Mappings mappings) {
        this.values = values;
        this.catalogue = catalogue;
        this.agencies = agencies;
        this.mappings = mappings;
    }

    public DataValueSet export(@Nullable String indicator, @Nullable String period, @Nullable String agency, Caller caller) {
        String code = blank(indicator) ? null : indicator.strip();
        String agencyCode = blank(agency) ? null : agency.strip();
        String periodId = null;
        Map<String, Indicator> indicators = catalogue.all().stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
        if (code != null && !indicators.containsKey(code)) {
            throw new InvalidRequestException("indicator", "no indicator " + clip(code));
        }
        if (!blank(period)) {
            periodId = Period.parse(period.strip()).map(Period::id)
                    .orElseThrow(() -> new InvalidRequestException("period", "'" + clip(period) + "' is not a period such as 2017April or 201803"));
        }
        if (agencyCode != null && !agencies.exists(agencyCode)) {
            throw new InvalidRequestException("agency", "no agency " + clip(agencyCode));
        }
        List<IndicatorValue> candidates = code != null ? values.allOf(code)
                : periodId != null ? values.findByPeriodInList(List.of(periodId)) : list(values.findAll());
        Dhis2Mappings.Resolver names = mappings.resolver();
        String p = periodId;
        List<DataValueSet.DataValue> out = candidates.stream()
                .filter(v -> p == null || v.period().equals(p))
                .filter(v -> agencyCode == null || v.agencyCode().equals(agencyCode))
                .filter(v -> indicators.containsKey(v.indicatorCode()) && ValueVisibility.visible(caller, indicators.get(v.indicatorCode()), v))
                .sorted(Comparator.comparing(IndicatorValue::indicatorCode).thenComparing(IndicatorValue::agencyCode)
                        .thenComparing(IndicatorValue::periodStart))
                .map(v -> new DataValueSet.DataValue(names.dataElementOf(v.indicatorCode()), v.period(), names.orgUnitOf(v.agencyCode()),
                        names.comboOf(v.indicatorCode()), plain(v.amount()), v.updatedBy(), v.updatedAt().toString(), v.commentary(),
                        false, plain(v.numerator()), plain(v.denominator())))
                .toList();
        return new DataValueSet(out);
    }

    /** The set as DHIS2 CSV; text cells made safe to open in a spreadsheet (a comment starting {@code =} gains a quote). */
    public String csv(DataValueSet set) {
        SpreadsheetCsv csv = new SpreadsheetCsv(CSV_HEADER);
        for (DataValueSet.DataValue v : set.dataValues()) {
            csv.row(v.dataElement(), v.period(), v.orgUnit(), v.categoryOptionCombo(), null, number(v.value()), v.storedBy(),
                    v.lastUpdated(), v.comment(), v.followup(), false, number(v.numerator()), number(v.denominator()));
        }
        return csv.toString();
    }

    private static List<IndicatorValue> list(Iterable<IndicatorValue> all) {
        List<IndicatorValue> l = new java.util.ArrayList<>();
        all.forEach(l::add);
        return l;
    }

    private static BigDecimal number(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
