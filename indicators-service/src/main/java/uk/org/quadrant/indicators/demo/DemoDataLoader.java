package uk.org.quadrant.indicators.demo;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceLoader;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.csv.CsvRows;
import uk.org.quadrant.indicators.benchmarks.EesImport;
import uk.org.quadrant.indicators.benchmarks.EesImportResult;
import uk.org.quadrant.indicators.benchmarks.MappingRequest;
import uk.org.quadrant.indicators.benchmarks.Mappings;
import uk.org.quadrant.indicators.benchmarks.TargetFrom;
import uk.org.quadrant.indicators.catalogue.Indicator;
import uk.org.quadrant.indicators.catalogue.IndicatorRepository;
import uk.org.quadrant.indicators.domain.Frequency;
import uk.org.quadrant.indicators.domain.Period;
import uk.org.quadrant.indicators.domain.Polarity;
import uk.org.quadrant.indicators.domain.Unit;
import uk.org.quadrant.indicators.domain.ValueStatus;
import uk.org.quadrant.indicators.targets.Population;
import uk.org.quadrant.indicators.targets.PopulationRepository;
import uk.org.quadrant.indicators.targets.ReferenceFigure;
import uk.org.quadrant.indicators.targets.ReferenceFigureRepository;
import uk.org.quadrant.indicators.targets.ReferenceKind;
import uk.org.quadrant.indicators.values.IndicatorValue;
import uk.org.quadrant.indicators.values.IndicatorValueRepository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The partnership's own figures from its 2015–2018 board papers (classpath {@code demo/*.csv}),
 * loaded into an empty embedded database at start-up. Same rule as the gateway's demo users:
 * on when {@code quadrant.demo-data.enabled} is true, or, if unset, on the embedded H2 only. A few
 * indicators are then mapped to published statistics and the real files imported
 * ({@code demo/benchmark-mappings.csv}, {@code demo/ees/}), so that comparisons show from the start.
 */
@Singleton
public class DemoDataLoader implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String BY = "demo-data";

    private final IndicatorRepository indicators;
    private final ReferenceFigureRepository figures;
    private final PopulationRepository populations;
    private final IndicatorValueRepository values;
    private final ResourceLoader resources;
    private final uk.org.quadrant.indicators.versions.ScorecardVersions scorecardVersions;
    private final EesImport eesImport;
    private final Mappings mappings;
    private final Boolean enabled;
    private final String datasourceUrl;

    DemoDataLoader(IndicatorRepository indicators, ReferenceFigureRepository figures, PopulationRepository populations,
                   IndicatorValueRepository values, ResourceLoader resources,
                   uk.org.quadrant.indicators.versions.ScorecardVersions scorecardVersions, EesImport eesImport, Mappings mappings,
                   @Nullable @Value("${quadrant.demo-data.enabled}") Boolean enabled,
                   @Value("${datasources.default.url}") String datasourceUrl) {
        this.indicators = indicators;
        this.figures = figures;
        this.populations = populations;
        this.values = values;
        this.resources = resources;
        this.scorecardVersions = scorecardVersions;
        this.eesImport = eesImport;
        this.mappings = mappings;
        this.enabled = enabled;
        this.datasourceUrl = datasourceUrl;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        boolean on = enabled != null ? enabled : datasourceUrl.startsWith("jdbc:h2:");
        if (on && indicators.count() == 0) {
            load();
        }
    }

    void load() {
        Instant now = Instant.now();
        List<Indicator> defined = new ArrayList<>();
        for (Map<String, String> r : read("indicators.csv")) {
            defined.add(new Indicator(r.get("code"), r.get("title"), r.get("description"), Unit.valueOf(r.get("unit")),
                    Polarity.valueOf(r.get("polarity")), Frequency.valueOf(r.get("frequency")), r.get("owner_agency"),
                    Integer.parseInt(r.get("priority")), decimal(r.get("tolerance_percent"), BigDecimal.TEN),
                    r.get("numerator_label"), r.get("denominator_label"), r.get("population"),
                    !"false".equalsIgnoreCase(r.get("published")), true, null, BY, now));
        }
        indicators.saveAll(defined);
        List<ReferenceFigure> refs = new ArrayList<>();
        read("targets.csv").forEach(r -> refs.add(figure(r, ReferenceKind.TARGET, "", r.get("target"), now)));
        read("baselines.csv").forEach(r -> refs.add(figure(r, ReferenceKind.BASELINE, "", r.get("baseline"), now)));
        read("benchmarks.csv").forEach(r -> refs.add(figure(r, ReferenceKind.BENCHMARK, r.get("comparator"), r.get("value"), now)));
        figures.saveAll(refs);
        List<Population> pops = new ArrayList<>();
        read("populations.csv").forEach(r -> pops.add(new Population(null, r.get("population"), Integer.parseInt(r.get("year")),
                Long.parseLong(r.get("value")), BY, now)));
        populations.saveAll(pops);
        List<IndicatorValue> vals = new ArrayList<>();
        for (Map<String, String> r : read("values.csv")) {
            Period period = Period.parse(r.get("period")).orElseThrow(() -> new IllegalStateException("demo period " + r.get("period")));
            ValueStatus status = ValueStatus.valueOf(r.get("status"));
            boolean signedOff = status == ValueStatus.APPROVED;
            boolean submitted = status != ValueStatus.DRAFT;
            vals.add(new IndicatorValue(null, r.get("indicator_code"), period.id(), period.start(), r.get("agency"),
                    new BigDecimal(r.get("value")), decimal(r.get("numerator"), null), decimal(r.get("denominator"), null),
                    r.get("comment"), status, null, false, submitted ? BY : null, submitted ? now : null,
                    signedOff ? BY : null, signedOff ? now : null, BY, now, null));
        }
        values.saveAll(vals);
        uk.org.quadrant.indicators.versions.ScorecardVersions.Changes changed = uk.org.quadrant.indicators.versions.ScorecardVersions.changes();
        defined.forEach(i -> changed.everything(i.ownerAgency()));
        scorecardVersions.bump(changed);
        LOG.info("Demo data: {} indicators, {} targets/baselines/benchmarks, {} values from the partnership's board papers",
                defined.size(), refs.size(), vals.size());
        loadPublished();
    }

    /** Maps the indicators of {@code benchmark-mappings.csv} and imports their published files, as the manager would. */
    private void loadPublished() {
        Caller demo = new Caller(BY, "", Set.of(Caller.MANAGER));
        for (Map<String, String> r : read("benchmark-mappings.csv")) {
            String code = r.get("indicator_code");
            List<String> filters = r.get("filters") == null || r.get("filters").isBlank() ? List.of()
                    : Arrays.stream(r.get("filters").split("\\|")).map(String::strip).toList();
            EesImportResult result = eesImport.run(code, r.get("measure"), filters, text("ees/" + r.get("file")), false,
                    new EesImport.Source(r.get("file"), null, null), demo);
            if (!result.errors().isEmpty()) {
                throw new IllegalStateException("demo import of " + r.get("file") + " for " + code + ": " + result.errors());
            }
            String targetFrom = r.get("target_from");
            if (targetFrom != null && !targetFrom.isBlank()) {
                long version = mappings.require(code).version();
                mappings.put(code, new MappingRequest(r.get("measure"), filters, null, null, TargetFrom.valueOf(targetFrom.strip()), version),
                        demo);
            }
            LOG.info("Demo data: {} published figures of {} from {} ({} periods)", result.imported(), code, r.get("file"),
                    result.periods().size());
        }
    }

    private String text(String name) {
        try (InputStream in = resources.getResourceAsStream("classpath:demo/" + name)
                .orElseThrow(() -> new IllegalStateException("missing demo/" + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReferenceFigure figure(Map<String, String> r, ReferenceKind kind, String comparator, String value, Instant now) {
        return new ReferenceFigure(null, r.get("indicator_code"), kind, r.get("period"), comparator, new BigDecimal(value), BY, now);
    }

    private static BigDecimal decimal(String text, BigDecimal otherwise) {
        return text == null || text.isBlank() ? otherwise : new BigDecimal(text.trim());
    }

    private List<Map<String, String>> read(String name) {
        return CsvRows.read(resources.getResourceAsStream("classpath:demo/" + name)
                .orElseThrow(() -> new IllegalStateException("missing demo/" + name)));
    }

}
