package uk.org.quadrant.gateway.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.Map;

/**
 * The board's annual learning and improvement report for a financial year, as a page, as the tagged PDF a
 * board circulates and publishes, and as a Word document to edit. Board roles only: it spans every
 * agency's evidence, in every format.
 */
@Controller("/reports")
@Secured({"BOARD_CHAIR", "BOARD_MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class LearningReportController {

    static final String PDF = "application/pdf";

    private final LearningReportComposer composer;
    private final LearningReportPdf pdf;
    private final LearningReportDocx docx;

    LearningReportController(LearningReportComposer composer, LearningReportPdf pdf, LearningReportDocx docx) {
        this.composer = composer;
        this.pdf = pdf;
        this.docx = docx;
    }

    @Get(value = "/learning-and-improvement", produces = MediaType.TEXT_HTML)
    @View("report/learning-and-improvement")
    Map<String, Object> page(HttpRequest<?> request, @QueryValue @Nullable String year) {
        ReportYear y = year(year);
        Map<String, Object> model = new HashMap<>();
        model.put("report", composer.compose(request, y));
        model.put("pdfLink", "/reports/learning-and-improvement.pdf?year=" + y.id());
        model.put("docxLink", "/reports/learning-and-improvement.docx?year=" + y.id());
        return model;
    }

    @Get(value = "/learning-and-improvement.pdf", produces = PDF)
    HttpResponse<byte[]> download(HttpRequest<?> request, @QueryValue @Nullable String year) {
        ReportYear y = year(year);
        byte[] document = pdf.render(composer.compose(request, y), request);
        return HttpResponse.ok(document).contentType(PDF)
                .header("Content-Disposition", "attachment; filename=\"learning-and-improvement-" + y.id() + ".pdf\"")
                .header("Cache-Control", "no-store");
    }

    /** The same report as a Word document, for board papers edited before they go out. */
    @Get(value = "/learning-and-improvement.docx", produces = LearningReportDocx.MEDIA_TYPE)
    HttpResponse<byte[]> word(HttpRequest<?> request, @QueryValue @Nullable String year) {
        ReportYear y = year(year);
        byte[] document = docx.render(composer.compose(request, y));
        return HttpResponse.ok(document).contentType(LearningReportDocx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"learning-and-improvement-" + y.id() + ".docx\"")
                .header("Cache-Control", "no-store");
    }

    private static ReportYear year(String year) {
        return ReportYear.parse(year).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST,
                "The year parameter must be a financial year such as 2017April (April 2017 to March 2018)"
                        + (year == null ? "; none was given." : "; '" + abbreviate(year) + "' is not one.")));
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
