package uk.org.quadrant.audits.demo;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceLoader;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.audits.cases.AuditCase;
import uk.org.quadrant.audits.cases.AuditCaseRepository;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.AuditType;
import uk.org.quadrant.audits.domain.FindingKind;
import uk.org.quadrant.audits.domain.Quadrant;
import uk.org.quadrant.audits.findings.Finding;
import uk.org.quadrant.audits.findings.FindingRepository;
import uk.org.quadrant.audits.reviews.Audit;
import uk.org.quadrant.audits.reviews.AuditRepository;
import uk.org.quadrant.audits.selfassessment.Section11Demo;
import uk.org.quadrant.common.csv.CsvRows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partnership's 2013–2018 audits, reviews, findings and graded cases from its board papers
 * (classpath {@code demo/*.csv}), loaded into an empty embedded database at start-up; on when
 * {@code quadrant.demo-data.enabled} is true or, if unset, on the embedded H2 only.
 */
@Singleton
public class DemoDataLoader implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String BY = "demo-data";

    private final AuditRepository audits;
    private final FindingRepository findings;
    private final AuditCaseRepository cases;
    private final Section11Demo section11;
    private final ResourceLoader resources;
    private final Boolean enabled;
    private final String datasourceUrl;

    DemoDataLoader(AuditRepository audits, FindingRepository findings, AuditCaseRepository cases, Section11Demo section11,
                   ResourceLoader resources,
                   @Nullable @Value("${quadrant.demo-data.enabled}") Boolean enabled,
                   @Value("${datasources.default.url}") String datasourceUrl) {
        this.audits = audits;
        this.findings = findings;
        this.cases = cases;
        this.section11 = section11;
        this.resources = resources;
        this.enabled = enabled;
        this.datasourceUrl = datasourceUrl;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        boolean on = enabled != null ? enabled : datasourceUrl.startsWith("jdbc:h2:");
        if (on && audits.count() == 0) {
            load();
        }
    }

    void load() {
        Instant now = Instant.now();
        Map<String, Long> ids = new HashMap<>();
        for (Map<String, String> r : read("audits.csv")) {
            Audit saved = audits.save(new Audit(null, AuditType.valueOf(r.get("type")), r.get("title"), r.get("lead_agency"),
                    r.get("participating_agencies").replace(';', ','), LocalDate.parse(r.get("period_start")),
                    LocalDate.parse(r.get("period_end")), null, null, null, null, AuditStatus.valueOf(r.get("status")),
                    r.get("scope") == null ? null : Integer.valueOf(r.get("scope")), r.get("summary"), r.get("grading_scale"),
                    r.get("compliance_threshold_percent") == null ? null : new BigDecimal(r.get("compliance_threshold_percent")),
                    BY, BY, now, null));
            ids.put(r.get("key"), saved.id());
        }
        List<Finding> found = new ArrayList<>();
        for (Map<String, String> r : read("findings.csv")) {
            found.add(new Finding(null, id(ids, r.get("audit_key")), FindingKind.valueOf(r.get("kind")), r.get("text"),
                    r.get("themes").replace(';', ','), Quadrant.valueOf(r.get("quadrant")), r.get("agency"), null, null,
                    BY, now, BY, now, null));
        }
        findings.saveAll(found);
        List<AuditCase> graded = new ArrayList<>();
        for (Map<String, String> r : read("cases.csv")) {
            graded.add(new AuditCase(null, id(ids, r.get("audit_key")), r.get("case_ref"), r.get("agency"), r.get("grade"),
                    null, null, BY, now, null));
        }
        cases.saveAll(graded);
        int selfAssessments = section11.load(BY);
        LOG.info("Demo data: {} audits and reviews, {} findings, {} graded cases, {} Section 11 self-assessments",
                ids.size(), found.size(), graded.size(), selfAssessments);
    }

    private static long id(Map<String, Long> ids, String key) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("demo data refers to unknown audit " + key);
        }
        return id;
    }

    private List<Map<String, String>> read(String name) {
        return CsvRows.read(resources.getResourceAsStream("classpath:demo/" + name)
                .orElseThrow(() -> new IllegalStateException("missing demo/" + name)));
    }
}
