package uk.org.quadrant.gateway.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.Agency;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.actions.Action;
import uk.org.quadrant.gateway.clients.actions.ActionUpdate;
import uk.org.quadrant.gateway.clients.actions.ActionsClient;
import uk.org.quadrant.gateway.clients.audits.AcrossAuditsGrades;
import uk.org.quadrant.gateway.clients.audits.Audit;
import uk.org.quadrant.gateway.clients.audits.AuditsClient;
import uk.org.quadrant.gateway.clients.audits.ThemeAnalysis;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.clients.indicators.BenchmarkSummary;
import uk.org.quadrant.gateway.clients.indicators.ScorecardRow;
import uk.org.quadrant.gateway.clients.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
    private final IndicatorsClient indicators;
    private final AuditsClient auditsClient;
    private final ActionsClient actionsClient;

    LearningReportComposer(Downstream downstream, AgencyRepository agencies,
                           @Value("${quadrant.report.partnership:Safeguarding Children Partnership}") String partnership,
                           IndicatorsClient indicators, AuditsClient auditsClient, ActionsClient actionsClient) {
        this.downstream = downstream;
        this.indicators = indicators;
        this.auditsClient = auditsClient;
        this.actionsClient = actionsClient;
        this.agencies = agencies;
        this.partnership = partnership;
    }

    public LearningReport compose(HttpRequest<?> request, ReportYear year) {
        Calls calls = downstream.forRequest(request);
        String from = year.from().toString();
        String to = year.to().toString();
        CompletableFuture<Reply<List<ScorecardRow>>> scorecard = calls.read(Service.INDICATORS,
                () -> indicators.scorecard(null, null, year.id()));
        CompletableFuture<Reply<BenchmarkSummary>> comparisons = calls.read(Service.INDICATORS,
                () -> indicators.benchmarkSummary(year.id()));
        CompletableFuture<Reply<List<Audit>>> audits = calls.read(Service.AUDITS, auditsClient::audits);
        CompletableFuture<Reply<List<AcrossAuditsGrades>>> grades = calls.read(Service.AUDITS, () -> auditsClient.gradesAcross(from, to));
        CompletableFuture<Reply<List<ThemeAnalysis>>> qualitative = calls.read(Service.AUDITS,
                () -> auditsClient.themeAnalysis(from, to, "QUALITATIVE", null));
        CompletableFuture<Reply<List<ThemeAnalysis>>> practitioners = calls.read(Service.AUDITS,
                () -> auditsClient.themeAnalysis(from, to, "PRACTITIONER", null));
        CompletableFuture<Reply<List<ThemeAnalysis>>> families = calls.read(Service.AUDITS,
                () -> auditsClient.themeAnalysis(from, to, "CHILDREN_AND_FAMILIES", null));
        CompletableFuture<Reply<List<Action>>> actions = calls.read(Service.ACTIONS, () -> actionsClient.actions(null, null, null, null, null, null, null));
        CompletableFuture<Reply<List<ActionUpdate>>> updates = calls.read(Service.ACTIONS, () -> actionsClient.updatesBetween(from, to));

        Map<String, String> names = agencies.listOrderByName().stream().collect(Collectors.toMap(Agency::code, Agency::name));
        ReportSources sources = new ReportSources(
                Calls.panel(scorecard, Service.INDICATORS, LearningReportComposer::rows),
                Calls.panel(audits, Service.AUDITS, LearningReportComposer::rows),
                Calls.panel(grades, Service.AUDITS, LearningReportComposer::rows),
                Calls.panel(qualitative, Service.AUDITS, LearningReportComposer::rows),
                Calls.panel(practitioners, Service.AUDITS, LearningReportComposer::rows),
                Calls.panel(families, Service.AUDITS, LearningReportComposer::rows),
                Calls.panel(actions, Service.ACTIONS, LearningReportComposer::rows),
                Calls.panel(updates, Service.ACTIONS, LearningReportComposer::rows),
                Calls.panel(comparisons, Service.INDICATORS, Reply::body));
        return new LearningReportBuilder(partnership, names).build(year, LocalDate.now(Clock.system(UK)), sources);
    }

    private static <T> List<T> rows(Reply<List<T>> reply) {
        return reply.body() == null ? List.of() : reply.body();
    }
}
