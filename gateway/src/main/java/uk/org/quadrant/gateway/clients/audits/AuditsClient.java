package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * audits-service as the gateway reads and writes it. URL and timeouts from
 * {@code micronaut.http.services.audits}; the user's token is put on by the downstream
 * {@code UserTokenFilter}; call every method through {@code Calls}, which applies the call policy.
 * Dates in queries are ISO text ({@code 2017-04-01}); a null query value is left out.
 */
@Client(id = "audits")
public interface AuditsClient {

    /** The service's OpenAPI 3 document (anonymous on the service; built at compile time). */
    @Get(value = "/openapi/audits-service.json", consumes = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<String>> openApiDocument();

    @Get("/api/v1/audits")
    CompletableFuture<HttpResponse<List<Audit>>> audits();

    @Get("/api/v1/audits/{id}")
    CompletableFuture<HttpResponse<Audit>> audit(long id);

    @Get("/api/v1/audits/{id}/grades")
    CompletableFuture<HttpResponse<AuditGrades>> grades(long id);

    @Get("/api/v1/audits/{id}/cases")
    CompletableFuture<HttpResponse<List<AuditCase>>> cases(long id);

    @Post("/api/v1/audits/{id}/cases")
    CompletableFuture<HttpResponse<AuditCase>> recordCase(long id, @Body CaseRequest request);

    @Get("/api/v1/audits/{id}/findings")
    CompletableFuture<HttpResponse<List<Finding>>> findings(long id);

    @Post("/api/v1/audits/{id}/findings")
    CompletableFuture<HttpResponse<Finding>> recordFinding(long id, @Body FindingRequest request);

    /** Grade distributions across the audits whose period overlaps {@code [from, to]} (ISO dates). */
    @Get("/api/v1/grades{?from,to}")
    CompletableFuture<HttpResponse<List<AcrossAuditsGrades>>> gradesAcross(@QueryValue @Nullable String from, @QueryValue @Nullable String to);

    /** The audits changed most recently, optionally one agency's or within dates. */
    @Get("/api/v1/audits/recent{?from,to,agency,limit}")
    CompletableFuture<HttpResponse<List<Audit>>> recent(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                                        @QueryValue @Nullable String agency, @QueryValue int limit);

    @Get("/api/v1/section11/assessments")
    CompletableFuture<HttpResponse<List<Assessment>>> assessments();

    @Get("/api/v1/grading-scales")
    CompletableFuture<HttpResponse<List<GradingScale>>> gradingScales();

    @Get("/api/v1/themes")
    CompletableFuture<HttpResponse<List<Theme>>> themes();

    @Post("/api/v1/themes")
    CompletableFuture<HttpResponse<Theme>> addTheme(@Body NewTheme theme);

    @Put("/api/v1/themes/{code}")
    CompletableFuture<HttpResponse<Theme>> changeTheme(String code, @Body ThemeChange change);

    /** Themes across findings, optionally within dates, one quadrant or one agency. */
    @Get("/api/v1/themes/analysis{?from,to,quadrant,agency}")
    CompletableFuture<HttpResponse<List<ThemeAnalysis>>> themeAnalysis(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                                                       @QueryValue @Nullable String quadrant,
                                                                       @QueryValue @Nullable String agency);

    /** The same analysis with the query in the board dashboard's order ({@code agency} before {@code quadrant}). */
    @Get("/api/v1/themes/analysis{?from,to,agency,quadrant}")
    CompletableFuture<HttpResponse<List<ThemeAnalysis>>> themeAnalysisByAgency(@QueryValue @Nullable String from,
                                                                               @QueryValue @Nullable String to,
                                                                               @QueryValue @Nullable String agency,
                                                                               @QueryValue @Nullable String quadrant);

    /** Each theme's findings source by source (or one theme's), with the same filters. */
    @Get("/api/v1/themes/evidence{?from,to,quadrant,agency,theme}")
    CompletableFuture<HttpResponse<List<ThemeEvidence>>> themeEvidence(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                                                       @QueryValue @Nullable String quadrant,
                                                                       @QueryValue @Nullable String agency,
                                                                       @QueryValue @Nullable String theme);

    @Get("/api/v1/section11/assessments/{id}")
    CompletableFuture<HttpResponse<Assessment>> assessment(long id);

    @Put("/api/v1/section11/assessments/{id}/standards/{code}")
    CompletableFuture<HttpResponse<Assessment>> rate(long id, String code, @Body Rating rating);

    /** A case as the case form sends it. */
    @Serdeable
    record CaseRequest(@Nullable String caseRef, @Nullable String grade, @Nullable String agency, @Nullable String summary) {
    }

    /** A finding as the finding form sends it. */
    @Serdeable
    record FindingRequest(@Nullable String kind, @Nullable String text, List<String> themes, @Nullable String quadrant,
                          @Nullable String agency) {
    }

    /** A new theme. */
    @Serdeable
    record NewTheme(String code, String label) {
    }

    /** A theme's new label and whether it is offered. */
    @Serdeable
    record ThemeChange(String label, boolean active) {
    }

    /** An agency's rating of one Section 11 standard. */
    @Serdeable
    record Rating(@Nullable String rag, @Nullable String evidence, @Nullable Long version) {
    }
}
