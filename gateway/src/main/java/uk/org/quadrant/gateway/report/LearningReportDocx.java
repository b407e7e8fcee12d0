package uk.org.quadrant.gateway.report;

import jakarta.inject.Singleton;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.report.LearningReport.Example;
import uk.org.quadrant.gateway.report.LearningReport.GradeScale;
import uk.org.quadrant.gateway.report.LearningReport.Headlines;
import uk.org.quadrant.gateway.report.LearningReport.IndicatorFigure;
import uk.org.quadrant.gateway.report.LearningReport.Movement;
import uk.org.quadrant.gateway.report.LearningReport.SummaryPart;
import uk.org.quadrant.gateway.report.LearningReport.Theme;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/**
 * The report as a Word document (DOCX) that board papers are edited in before they go out: the same
 * {@link LearningReport} and the same sections, headings and words as the page and the PDF, written
 * with Apache POI as real Word structure: "Heading 1/2/3" styles (so the navigation pane and a table
 * of contents work), tables with a repeated header row, and each headline movement's chart as a PNG
 * drawn from the same SVG chart model (Batik, no screenshot) with its alternative text. Language en-GB.
 */
@Singleton
public class LearningReportDocx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final int CHART_WIDTH_PX = 1440;
    private static final int CHART_WIDTH_EMU = Units.toEMU(450);
    private static final int CHART_HEIGHT_EMU = Units.toEMU(450.0 * 340 / 720);

    public byte[] render(LearningReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(doc);
            doc.getProperties().getCoreProperties().setTitle(report.title());
            doc.getProperties().getCoreProperties().setCreator(report.partnership());
            doc.getProperties().getCoreProperties().setSubjectProperty(
                    "Learning and improvement report of the performance, audit and quality assurance subgroup");
            new Writer(doc, report).write();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The report could not be written as DOCX", e);
        }
    }

    /** The chart's SVG as a PNG, twice the width it is drawn at on the page. */
    static byte[] png(String svg) {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) CHART_WIDTH_PX);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("A chart could not be drawn as PNG", e);
        }
        return out.toByteArray();
    }

    // --- styles: Word's own built-in names, so Word and LibreOffice treat them as headings --------------

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii("Arial");
        fonts.setHAnsi("Arial");
        fonts.setCs("Arial");
        styles.setDefaultFonts(fonts);
        styles.setSpellingLanguage("en-GB");
        heading(styles, "Title", "Title", -1, 56);
        heading(styles, "Heading1", "heading 1", 0, 36);
        heading(styles, "Heading2", "heading 2", 1, 28);
        heading(styles, "Heading3", "heading 3", 2, 24);
    }

    private static void heading(XWPFStyles styles, String id, String name, int outlineLevel, int halfPoints) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewBasedOn().setVal("Normal");
        style.addNewNext().setVal("Normal");
        style.addNewQFormat();
        style.addNewUiPriority().setVal(BigInteger.valueOf(outlineLevel < 0 ? 10 : 9));
        CTPPrGeneral p = style.addNewPPr();
        p.addNewKeepNext();
        p.addNewSpacing().setBefore(BigInteger.valueOf(outlineLevel < 0 ? 0 : 240));
        if (outlineLevel >= 0) {
            p.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        CTRPr r = style.addNewRPr();
        r.addNewB();
        r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(style));
    }

    /** One document being written. */
    private static final class Writer {
        private final XWPFDocument doc;
        private final LearningReport report;

        Writer(XWPFDocument doc, LearningReport report) {
            this.doc = doc;
            this.report = report;
        }

        void write() {
            paragraph(report.partnership());
            styled("Title", report.title());
            paragraph("Report from the performance, audit and quality assurance (PAQA) subgroup");
            paragraph(report.coverage());
            styled("Heading1", "Contents");
            report.contents().forEach(h -> paragraph((h.subsection() ? "    " : "") + h.full()));
            headlines();
            summary();
            styled("Heading1", report.heading("themes"));
            quantitative();
            qualitative();
            views("practitioners", report.practitionerViews(), "No practitioner views were recorded for " + report.year().label() + ".");
            views("families", report.childrenAndFamiliesViews(),
                    "No views of children, young people or families were recorded for " + report.year().label() + ".");
            impact();
            actions();
            styled("Heading1", report.heading("glossary"));
            table("Terms used in this report", List.of("Term", "Meaning"), report.glossary(), t -> List.of(t.term(), t.meaning()));
        }

        private void headlines() {
            styled("Heading1", report.heading("headlines"));
            Panel<Headlines> p = report.headlines();
            if (!p.available()) {
                paragraph(report.unavailableNote(p.service()));
                return;
            }
            Headlines h = p.data();
            paragraph("The figures that moved most over two years and over the year, whichever way they moved and whether or not a "
                    + "rise is good news. The size of a movement is its change as a percentage of the earlier figure.");
            if (h.isEmpty()) {
                paragraph("No figure for " + report.year().label() + " can be compared with the same period a year or two before.");
            }
            movements("Over two years, " + h.twoYears(), "Figures that moved most over two years, " + h.twoYears(), h.overTwoYears());
            movements("Over the year, " + h.oneYear(), "Other figures that moved most over the year, " + h.oneYear(), h.overTheYear());
        }

        private void movements(String heading, String caption, List<Movement> list) {
            if (list.isEmpty()) {
                return;
            }
            styled("Heading2", heading);
            bullets(list.stream().map(Movement::sentence).toList());
            table(caption, List.of("Indicator", "From", "To", "Change", "Compared with England and similar authorities"), list,
                    m -> List.of(m.title(), m.from(), m.to(), m.change(), m.compared() == null ? "No published comparison" : m.compared()));
            for (Movement m : list) {
                chart(m);
            }
        }

        private void chart(Movement m) {
            XWPFParagraph p = doc.createParagraph();
            XWPFRun run = p.createRun();
            try {
                run.addPicture(new ByteArrayInputStream(png(m.chart())), Document.PICTURE_TYPE_PNG, "chart-" + m.number() + ".png",
                        CHART_WIDTH_EMU, CHART_HEIGHT_EMU);
            } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IllegalStateException("A chart could not be added to the DOCX", e);
            }
            // the picture's alternative text ("descr"), read out by screen readers in Word
            run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(m.title() + ". " + m.sentence());
            paragraph(m.chartCaption() + " Its figures are in the table above.");
        }

        private void summary() {
            styled("Heading1", report.heading("summary"));
            paragraph(report.introduction());
            for (SummaryPart part : report.summary()) {
                styled("Heading2", part.number() + " " + part.heading());
                if (!part.available()) {
                    paragraph(part.unavailableNote());
                } else {
                    bullets(part.points());
                }
            }
        }

        private void quantitative() {
            styled("Heading2", report.heading("quantitative"));
            Panel<LearningReport.Quantitative> p = report.quantitative();
            if (!p.available()) {
                paragraph(report.unavailableNote(p.service()));
                return;
            }
            LearningReport.Quantitative q = p.data();
            paragraph(q.coverage(report.year()));
            table("Indicators by RAG rating, " + report.year().label(), List.of("Rating", "Indicators"), q.ragCounts(),
                    c -> List.of(c.rating(), Long.toString(c.indicators())));
            styled("Heading3", "Off target");
            figures("Indicators off target in " + report.year().label(), q.offTarget(), "No indicator was off target.");
            styled("Heading3", "Getting worse");
            figures("Indicators on target or without a target that are getting worse", q.worsening(), "No other indicator got worse.");
        }

        private void figures(String caption, List<IndicatorFigure> rows, String none) {
            if (rows.isEmpty()) {
                paragraph(none);
                return;
            }
            table(caption, List.of("Indicator", "Agency", "Period", "Value", "Target", "Previous", "Change", "Change %", "Rating",
                    "Direction"), rows, f -> List.of(f.titleAndComparison(), f.agency(), f.period(), f.value(), f.target(), f.previous(),
                    f.change(), f.changePercent(), f.rating(), f.direction()));
        }

        private void qualitative() {
            styled("Heading2", report.heading("qualitative"));
            Panel<LearningReport.Qualitative> p = report.qualitative();
            if (!p.available()) {
                paragraph(report.unavailableNote(p.service()));
                return;
            }
            LearningReport.Qualitative q = p.data();
            paragraph(q.audits() + " audits and reviews covered " + report.year().label() + ".");
            if (!q.sources().isEmpty()) {
                table("Audits and reviews by kind", List.of("Kind", "Number"), q.sources(), s -> List.of(s.type(), Long.toString(s.count())));
            }
            styled("Heading3", "Grades of audited cases");
            if (q.grades().isEmpty()) {
                paragraph("No cases were graded in the year's audits.");
            }
            for (GradeScale g : q.grades()) {
                table(g.scale() + " scale: " + g.cases() + " cases in " + g.audits() + " audits, " + g.meetingStandard(),
                        List.of("Grade", "Cases"), g.distribution(), d -> List.of(d.grade(), Long.toString(d.cases())));
            }
            styled("Heading3", "Audit findings by theme");
            themes(q.themes(), "No findings were recorded.");
        }

        private void views(String id, Panel<List<Theme>> p, String none) {
            styled("Heading2", report.heading(id));
            if (!p.available()) {
                paragraph(report.unavailableNote(p.service()));
                return;
            }
            themes(p.data(), none);
        }

        private void themes(List<Theme> themes, String none) {
            if (themes.isEmpty()) {
                paragraph(none);
                return;
            }
            for (Theme t : themes) {
                styled("Heading3", t.label() + (t.repeated() ? " (repeated theme)" : ""));
                paragraph(t.counts());
                bullets(t.examples().stream().map(e -> e.kind() + ": " + e.text() + " (" + e.source() + ")").toList());
            }
        }

        private void impact() {
            styled("Heading1", report.heading("impact"));
            Panel<List<LearningReport.Impact>> p = report.impact();
            if (!p.available()) {
                paragraph(report.unavailableNote(p.service()));
                return;
            }
            paragraph("Actions completed in " + report.year().label() + " and what difference each has made.");
            if (p.data().isEmpty()) {
                paragraph("No action was completed in the year.");
                return;
            }
            table("Actions completed in " + report.year().label(), List.of("Ref", "Action", "Lead", "Completed",
                    "What difference has this made"), p.data(), i -> List.of(i.ref(), i.action(), i.lead(), i.completedOn(), i.difference()));
        }

        private void actions() {
            styled("Heading1", report.heading("actions"));
            styled("Heading2", "Open actions carried into " + report.year().nextLabel());
            Panel<List<LearningReport.OpenAction>> open = report.openActions();
            if (!open.available()) {
                paragraph(report.unavailableNote(open.service()));
            } else if (open.data().isEmpty()) {
                paragraph("No action is open.");
            } else {
                table("Open actions, overdue first", List.of("Ref", "Action", "Lead", "Due", "Delivery"), open.data(),
                        a -> List.of(a.ref(), a.action(), a.lead(), a.due(), a.delivery()));
            }
            styled("Heading2", "Recommendations from the year's findings");
            Panel<List<Example>> recs = report.recommendations();
            if (!recs.available()) {
                paragraph(report.unavailableNote(recs.service()));
            } else if (recs.data().isEmpty()) {
                paragraph("No recommendation was recorded in the year's findings.");
            } else {
                bullets(recs.data().stream().map(e -> e.text() + " (" + e.source() + ")").toList());
            }
        }

        // --- building blocks ------------------------------------------------------------------------

        private void styled(String style, String text) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle(style);
            p.createRun().setText(text);
        }

        private void paragraph(String text) {
            doc.createParagraph().createRun().setText(text);
        }

        private void bullets(List<String> points) {
            for (String point : points) {
                XWPFParagraph p = doc.createParagraph();
                p.setIndentationLeft(360);
                p.setIndentationHanging(360);
                p.createRun().setText("\u2022\t" + point);
            }
        }

        /** A table after its caption, the header row bold and repeated on each page. */
        private <T> void table(String caption, List<String> headers, List<T> rows, Function<T, List<String>> cells) {
            XWPFParagraph cap = doc.createParagraph();
            cap.getCTP().addNewPPr().addNewKeepNext();
            XWPFRun capRun = cap.createRun();
            capRun.setBold(true);
            capRun.setText(caption);
            XWPFTable table = doc.createTable(rows.size() + 1, headers.size());
            table.setWidth("100%");
            XWPFTableRow head = table.getRow(0);
            head.setRepeatHeader(true);
            for (int c = 0; c < headers.size(); c++) {
                text(head.getCell(c), headers.get(c), true);
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> values = cells.apply(rows.get(r));
                XWPFTableRow row = table.getRow(r + 1);
                row.setCantSplitRow(true);
                for (int c = 0; c < values.size() && c < headers.size(); c++) {
                    text(row.getCell(c), values.get(c), false);
                }
            }
            doc.createParagraph();
        }

        private static void text(XWPFTableCell cell, String text, boolean bold) {
            XWPFRun run = cell.getParagraphs().get(0).createRun();
            run.setBold(bold);
            run.setText(text == null ? "" : text);
        }
    }
}
