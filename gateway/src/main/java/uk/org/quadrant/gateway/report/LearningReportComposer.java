package uk.org.quadrant.gateway.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.directory.Agency;
import uk.org.quadrant.gateway.directory.AgencyRepository;
import uk.org.quadrant.gateway.downstream.Calls;
import uk.org.quadrant.gateway.downstream.Downstream;
import uk.org.quadrant.gateway.downstream.Reply;
import uk.org.quadrant.gateway.downstream.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Asks the three services for one year's evidence, all calls started before any is awaited, each
 * bounded by the year: the scorecard as at the year's end ({@code period=2017April}), audits, grades
 * and themes whose reporting period overlaps the year ({@code from=&to=}), and the actions with the
 * year's progress updates. A fixed eight calls whatever the data: bulk lists, never one call per
 * indicator, audit or action.
 */
@Singleton
public class LearningReportComposer {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Downstream downstream;
    private final AgencyRepository agencies;
    private final String partnership;

    LearningReportComposer(Downstream downstream, AgencyRepository agencies,
                           @Value("${quadrant.report.partnership:Safeguarding Children Partnership}") String partnership) {
        this.downstream = downstream;
        this.agencies = agencies;
        this.partnership = partnership;
    }

    public LearningReport compose(HttpRequest<?> request, ReportYear year) {
        Calls calls = downstream.forRequest(request);
        String range = "from=" + year.from() + "&to=" + year.to();
        CompletableFuture<Reply> scorecard = calls.get(Service.INDICATORS, "/api/v1/scorecard?period=" + Calls.enc(year.id()));
        CompletableFuture<Reply> audits = calls.get(Service.AUDITS, "/api/v1/audits");
        CompletableFuture<Reply> grades = calls.get(Service.AUDITS, "/api/v1/grades?" + range);
        CompletableFuture<Reply> qualitative = calls.get(Service.AUDITS, "/api/v1/themes/analysis?" + range + "&quadrant=QUALITATIVE");
        CompletableFuture<Reply> practitioners = calls.get(Service.AUDITS, "/api/v1/themes/analysis?" + range + "&quadrant=PRACTITIONER");
        CompletableFuture<Reply> families = calls.get(Service.AUDITS,
                "/api/v1/themes/analysis?" + range + "&quadrant=CHILDREN_AND_FAMILIES");
        CompletableFuture<Reply> actions = calls.get(Service.ACTIONS, "/api/v1/actions");
        CompletableFuture<Reply> updates = calls.get(Service.ACTIONS, "/api/v1/updates?" + range);

        Map<String, String> names = agencies.listOrderByName().stream().collect(Collectors.toMap(Agency::code, Agency::name));
        ReportSources sources = new ReportSources(
                Calls.panel(scorecard, Service.INDICATORS, Reply::rows),
                Calls.panel(audits, Service.AUDITS, Reply::rows),
                Calls.panel(grades, Service.AUDITS, Reply::rows),
                Calls.panel(qualitative, Service.AUDITS, Reply::rows),
                Calls.panel(practitioners, Service.AUDITS, Reply::rows),
                Calls.panel(families, Service.AUDITS, Reply::rows),
                Calls.panel(actions, Service.ACTIONS, Reply::rows),
                Calls.panel(updates, Service.ACTIONS, Reply::rows));
        return new LearningReportBuilder(partnership, names).build(year, LocalDate.now(Clock.system(UK)), sources);
    }
}
