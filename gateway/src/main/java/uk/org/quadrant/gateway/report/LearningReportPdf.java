package uk.org.quadrant.gateway.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.report.LearningReport.Example;
import uk.org.quadrant.gateway.report.LearningReport.GradeScale;
import uk.org.quadrant.gateway.report.LearningReport.IndicatorFigure;
import uk.org.quadrant.gateway.report.LearningReport.SummaryPart;
import uk.org.quadrant.gateway.report.LearningReport.Theme;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * The report as a PDF a board circulates: a title page with the partnership and the year, contents,
 * each section on a new page with bookmarks, and tables (header rows repeated across pages) for
 * the figures. Drawn from the same {@link LearningReport} as the page, with the same headings.
 */
@Singleton
public class LearningReportPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 28);
    private static final Font SUBTITLE = FontFactory.getFont(FontFactory.HELVETICA, 16);
    private static final Font H2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font H3 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font H4 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10.5f);
    private static final Font NOTE = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 10.5f);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7.5f);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Color HEADER_FILL = new Color(0xF3, 0xF2, 0xF1);

    public byte[] render(LearningReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 54, 54, 60, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer(report.title()));
            writer.getExtraCatalog().put(com.lowagie.text.pdf.PdfName.LANG, new com.lowagie.text.pdf.PdfString("en-GB"));
            doc.addTitle(report.title());
            doc.addSubject("Learning and improvement report of the performance, audit and quality assurance subgroup");
            doc.addAuthor(report.partnership());
            doc.addCreator("Quadrant");
            doc.open();
            new Writer(doc, writer, report).write();
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The report could not be laid out as a PDF", e);
        }
        return out.toByteArray();
    }

    /** Page numbers and the report's title at the foot of every page but the title page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String title;

        Footer(String title) {
            this.title = title;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            if (writer.getPageNumber() == 1) {
                return;
            }
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT, new Phrase(title, SMALL),
                    document.left(), document.bottom() - 24, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase("Page " + writer.getPageNumber(), SMALL), document.right(), document.bottom() - 24, 0);
        }
    }

    /** One rendering: the document, its bookmarks, and the report. */
    private static final class Writer {
        private final Document doc;
        private final PdfWriter writer;
        private final LearningReport report;
        private PdfOutline section;

        Writer(Document doc, PdfWriter writer, LearningReport report) {
            this.doc = doc;
            this.writer = writer;
            this.report = report;
        }

        void write() {
            titlePage();
            contents();
            summary();
            sectionStart("themes");
            quantitative();
            qualitative();
            views("practitioners", report.practitionerViews(), "No practitioner views were recorded for " + report.year().label() + ".");
            views("families", report.childrenAndFamiliesViews(),
                    "No views of children, young people or families were recorded for " + report.year().label() + ".");
            impact();
            actions();
            glossary();
        }

        private void titlePage() {
            add(spaced(new Paragraph(report.partnership(), SUBTITLE), 120, 24));
            add(spaced(new Paragraph(LearningReport.TITLE, TITLE), 0, 12));
            add(spaced(new Paragraph(report.year().label(), TITLE), 0, 36));
            add(spaced(new Paragraph("Report from the performance, audit and quality assurance (PAQA) subgroup", SUBTITLE), 0, 12));
            add(new Paragraph(report.coverage(), BODY));
        }

        private void contents() {
            doc.newPage();
            add(spaced(new Paragraph("Contents", H2), 0, 12));
            for (LearningReport.Heading h : report.contents()) {
                Paragraph p = new Paragraph(h.full(), BODY);
                p.setIndentationLeft(h.subsection() ? 18 : 0);
                p.setSpacingAfter(4);
                add(p);
            }
        }

        private void summary() {
            sectionStart("summary");
            add(body(report.introduction()));
            for (SummaryPart part : report.summary()) {
                heading(part.number() + " " + part.heading(), H3, null);
                if (!part.available()) {
                    add(note(part.unavailableNote()));
                } else {
                    bullets(part.points());
                }
            }
        }

        private void quantitative() {
            subsection("quantitative");
            Panel<LearningReport.Quantitative> p = report.quantitative();
            if (!p.available()) {
                add(note(LearningReportBuilder.unavailableNote(p.service())));
                return;
            }
            LearningReport.Quantitative q = p.data();
            add(body(q.coverage(report.year())));
            table("Indicators by RAG rating, " + report.year().label(), List.of("Rating", "Indicators"), new float[]{3, 1},
                    q.ragCounts(), c -> List.of(c.rating(), Long.toString(c.indicators())));
            heading("Off target", H4, null);
            figures("Indicators off target in " + report.year().label(), q.offTarget(), "No indicator was off target.");
            heading("Getting worse", H4, null);
            figures("Indicators on target or without a target that are getting worse", q.worsening(), "No other indicator got worse.");
        }

        private void figures(String caption, List<IndicatorFigure> rows, String none) {
            if (rows.isEmpty()) {
                add(body(none));
                return;
            }
            table(caption, List.of("Indicator", "Agency", "Period", "Value", "Target", "Previous", "Change", "Change %", "Rating",
                            "Direction"), new float[]{3.6f, 2.2f, 1.5f, 1.4f, 1.4f, 1.6f, 1.5f, 1.5f, 1.3f, 1.8f}, rows,
                    f -> List.of(f.titleAndComparison(), f.agency(), f.period(), f.value(), f.target(), f.previous(), f.change(),
                            f.changePercent(), f.rating(), f.direction()));
        }

        private void qualitative() {
            subsection("qualitative");
            Panel<LearningReport.Qualitative> p = report.qualitative();
            if (!p.available()) {
                add(note(LearningReportBuilder.unavailableNote(p.service())));
                return;
            }
            LearningReport.Qualitative q = p.data();
            add(body(q.audits() + " audits and reviews covered " + report.year().label() + "."));
            if (!q.sources().isEmpty()) {
                table("Audits and reviews by kind", List.of("Kind", "Number"), new float[]{4, 1}, q.sources(),
                        s -> List.of(s.type(), Long.toString(s.count())));
            }
            heading("Grades of audited cases", H4, null);
            if (q.grades().isEmpty()) {
                add(body("No cases were graded in the year's audits."));
            }
            for (GradeScale g : q.grades()) {
                table(g.scale() + " scale: " + g.cases() + " cases in " + g.audits() + " audits, " + g.meetingStandard(),
                        List.of("Grade", "Cases"), new float[]{3, 1}, g.distribution(), d -> List.of(d.grade(), Long.toString(d.cases())));
            }
            heading("Audit findings by theme", H4, null);
            themes(q.themes(), "No findings were recorded.");
        }

        private void views(String id, Panel<List<Theme>> p, String none) {
            subsection(id);
            if (!p.available()) {
                add(note(LearningReportBuilder.unavailableNote(p.service())));
                return;
            }
            themes(p.data(), none);
        }

        private void themes(List<Theme> themes, String none) {
            if (themes.isEmpty()) {
                add(body(none));
                return;
            }
            for (Theme t : themes) {
                Paragraph p = new Paragraph();
                p.add(new Chunk(t.label(), H4));
                p.add(new Chunk(": " + t.counts() + (t.repeated() ? " (repeated theme)" : ""),
                        BODY));
                p.setSpacingBefore(6);
                add(p);
                bullets(t.examples().stream().map(e -> e.kind() + ": " + e.text() + " (" + e.source() + ")").toList());
            }
        }

        private void impact() {
            sectionStart("impact");
            Panel<List<LearningReport.Impact>> p = report.impact();
            if (!p.available()) {
                add(note(LearningReportBuilder.unavailableNote(p.service())));
                return;
            }
            add(body("Actions completed in " + report.year().label() + " and what difference each has made."));
            if (p.data().isEmpty()) {
                add(body("No action was completed in the year."));
                return;
            }
            table("Actions completed in " + report.year().label(), List.of("Ref", "Action", "Lead", "Completed",
                    "What difference has this made"), new float[]{1, 4, 2.5f, 1.8f, 5}, p.data(),
                    i -> List.of(i.ref(), i.action(), i.lead(), i.completedOn(), i.difference()));
        }

        private void actions() {
            sectionStart("actions");
            heading("Open actions carried into " + report.year().nextLabel(), H3, null);
            Panel<List<LearningReport.OpenAction>> open = report.openActions();
            if (!open.available()) {
                add(note(LearningReportBuilder.unavailableNote(open.service())));
            } else if (open.data().isEmpty()) {
                add(body("No action is open."));
            } else {
                table("Open actions, overdue first", List.of("Ref", "Action", "Lead", "Due", "Delivery"),
                        new float[]{1, 5, 2.8f, 1.8f, 1.4f}, open.data(), a -> List.of(a.ref(), a.action(), a.lead(), a.due(), a.delivery()));
            }
            heading("Recommendations from the year's findings", H3, null);
            Panel<List<Example>> recs = report.recommendations();
            if (!recs.available()) {
                add(note(LearningReportBuilder.unavailableNote(recs.service())));
            } else if (recs.data().isEmpty()) {
                add(body("No recommendation was recorded in the year's findings."));
            } else {
                bullets(recs.data().stream().map(e -> e.text() + " (" + e.source() + ")").toList());
            }
        }

        private void glossary() {
            sectionStart("glossary");
            table("Terms used in this report", List.of("Term", "Meaning"), new float[]{1.4f, 5}, report.glossary(),
                    t -> List.of(t.term(), t.meaning()));
        }

        // --- building blocks ------------------------------------------------------------------------

        private void sectionStart(String id) {
            doc.newPage();
            section = heading(report.heading(id), H2, writer.getDirectContent().getRootOutline());
        }

        private void subsection(String id) {
            heading(report.heading(id), H3, section);
        }

        /** A heading, bookmarked under {@code parent} when there is one. */
        private PdfOutline heading(String text, Font font, PdfOutline parent) {
            String anchor = "h" + writer.getPageNumber() + "-" + Math.abs(text.hashCode());
            Chunk chunk = new Chunk(text, font);
            chunk.setLocalDestination(anchor);
            Paragraph p = new Paragraph(chunk);
            p.setSpacingBefore(font == H2 ? 0 : 12);
            p.setSpacingAfter(6);
            p.setKeepTogether(true);
            add(p);
            return parent == null ? null : new PdfOutline(parent, PdfAction.gotoLocalPage(anchor, false), text);
        }

        private <T> void table(String caption, List<String> headers, float[] widths, List<T> rows, Function<T, List<String>> cells) {
            Paragraph cap = new Paragraph(caption, H4);
            cap.setSpacingBefore(6);
            cap.setSpacingAfter(4);
            add(cap);
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingAfter(8);
            for (String h : headers) {
                PdfPCell cell = new PdfPCell(new Phrase(h, HEAD));
                cell.setBackgroundColor(HEADER_FILL);
                cell.setPadding(3);
                table.addCell(cell);
            }
            for (T row : rows) {
                for (String text : cells.apply(row)) {
                    PdfPCell cell = new PdfPCell(new Phrase(text, CELL));
                    cell.setPadding(3);
                    table.addCell(cell);
                }
            }
            add(table);
        }

        private void bullets(List<String> points) {
            com.lowagie.text.List list = new com.lowagie.text.List(false, 12);
            list.setListSymbol(new Chunk("\u2022", BODY));
            for (String point : points) {
                list.add(new ListItem(point, BODY));
            }
            add(list);
        }

        private static Paragraph body(String text) {
            Paragraph p = new Paragraph(text, BODY);
            p.setSpacingAfter(6);
            return p;
        }

        private static Paragraph note(String text) {
            Paragraph p = new Paragraph(text, NOTE);
            p.setSpacingAfter(6);
            return p;
        }

        private static Paragraph spaced(Paragraph p, float before, float after) {
            p.setSpacingBefore(before);
            p.setSpacingAfter(after);
            return p;
        }

        private void add(Element e) {
            doc.add(e);
        }
    }
}
