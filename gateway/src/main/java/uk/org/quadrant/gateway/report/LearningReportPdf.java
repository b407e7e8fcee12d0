package uk.org.quadrant.gateway.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The report as a tagged PDF (PDF/UA) a board circulates and the partnership publishes: the page's own
 * HTML ({@code report/_document}, charts included) in a bare XHTML document with the print stylesheet,
 * laid out by openhtmltopdf. One layout serves the page and the PDF. The PDF carries a structure tree
 * (headings, lists, tables, figures with their alternative text), the document's language and title
 * (shown in the window), bookmarks for the contents, and embeds the only fonts it uses (DejaVu Sans,
 * shipped in {@code /fonts} with its licence).
 */
@Singleton
public class LearningReportPdf {

    static final String VIEW = "report/learning-and-improvement-print";
    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String PRINT_CSS = "static/quadrant-report-print.css";

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final String printCss;

    LearningReportPdf(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        this.views = views;
        this.printCss = new String(resource(PRINT_CSS), StandardCharsets.UTF_8);
    }

    public byte[] render(LearningReport report, HttpRequest<?> request) {
        return pdf(html(report, request));
    }

    /** The report's XHTML as the PDF renders it. */
    String html(LearningReport report, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("printCss", printCss + "\n@page { @bottom-left { content: \"" + cssString(report.title()) + "\"; font-family: \""
                + FONT_FAMILY + "\"; font-size: 8pt; color: #505a5f; } }\n"
                + "@page :first { @bottom-left { content: none; } }\n");
        StringWriter out = new StringWriter();
        try {
            views.render(VIEW, model, request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("The report could not be rendered for print", e);
        }
        return out.toString();
    }

    /** Text inside a CSS string, and inside the XHTML the stylesheet is inlined into. */
    static String cssString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3c ").replace("&", "\\26 ")
                .replace("\n", " ");
    }

    private static byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessbility(true);
        builder.useFont(() -> stream("fonts/DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> stream("fonts/DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The report could not be laid out as a PDF", e);
        }
        return out.toByteArray();
    }

    private static InputStream stream(String path) {
        InputStream in = LearningReportPdf.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + path);
        }
        return in;
    }

    private static byte[] resource(String path) {
        try (InputStream in = stream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
