package uk.org.quadrant.gateway.report;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.Panel;

import java.util.List;

/**
 * The annual learning and improvement report as one value: the page and the PDF are both drawn from
 * it, so they cannot disagree. Every figure is already worded and formatted here (as the services
 * computed it); a part whose service did not answer is an unavailable {@link Panel}. Sections follow
 * the board's own report: executive summary per quadrant, then the themes and findings of each
 * quadrant, the impact of work, actions, and a glossary.
 */
public record LearningReport(
        String partnership,
        ReportYear year,
        String producedOn,
        Panel<Headlines> headlines,
        List<SummaryPart> summary,
        Panel<Quantitative> quantitative,
        Panel<Qualitative> qualitative,
        Panel<List<Theme>> practitionerViews,
        Panel<List<Theme>> childrenAndFamiliesViews,
        Panel<List<Impact>> impact,
        Panel<List<OpenAction>> openActions,
        Panel<List<Example>> recommendations,
        List<Term> glossary) {

    public static final String TITLE = "Themes for learning and improvement";

    /** The report's sections in the board's order (the seed report's contents), for page and PDF alike. */
    public static final List<Heading> CONTENTS = List.of(
            new Heading("", "Headline movements", "headlines", false),
            new Heading("1", "Executive summary: themes for learning and improvement and recommendations", "summary", false),
            new Heading("2", "Themes and findings from case reviews, audits, complaints and engagement with young people", "themes", false),
            new Heading("2.1", "Quantitative", "quantitative", true),
            new Heading("2.2", "Qualitative", "qualitative", true),
            new Heading("2.3", "Views of practitioners", "practitioners", true),
            new Heading("2.4", "Views of young people, parents and carers", "families", true),
            new Heading("3", "Impact of work", "impact", false),
            new Heading("4", "Actions", "actions", false),
            new Heading("5", "Glossary", "glossary", false));

    /** One entry of the contents: its number, words and anchor. */
    public record Heading(String number, String text, String id, boolean subsection) {

        /** "2.1 Quantitative", "1. Executive summary…", "Headline movements" (the unnumbered section before them). */
        public String full() {
            return number.isEmpty() ? text : number + (subsection ? " " : ". ") + text;
        }
    }

    /** The numbered heading of a section by its anchor, e.g. {@code heading("impact")} = "3. Impact of work". */
    public String heading(String id) {
        return CONTENTS.stream().filter(h -> h.id().equals(id)).findFirst().map(Heading::full)
                .orElseThrow(() -> new IllegalArgumentException("no section " + id));
    }

    public List<Heading> contents() {
        return CONTENTS;
    }

    /** The title page's line on what the report covers and when it was produced. */
    public String coverage() {
        return "Financial year 1 April " + year.firstYear() + " to 31 March " + (year.firstYear() + 1) + ". Produced on " + producedOn
                + " from the partnership's performance data, audits and action plans.";
    }

    /** The opening of the executive summary: what the report is and the quadrant that frames it. */
    public String introduction() {
        return "This is the learning and improvement report of the performance, audit and quality assurance (PAQA) subgroup for "
                + year.label() + ". It highlights common themes for learning and improvement to support vulnerable children and "
                + "young people, framed by the quadrant of evidence: quantitative (performance data), qualitative (audits and "
                + "reviews), practitioner views, and children, young people and families' views. Its figures come from the "
                + "partnership's performance dataset, audit programme and action plans as they stood on " + producedOn + ".";
    }

    /** "Themes for learning and improvement", without the year. */
    public String reportName() {
        return TITLE;
    }

    /** What a reader is told where a service did not answer. */
    public String unavailableNote(String service) {
        return LearningReportBuilder.unavailableNote(service);
    }

    /** "Themes for learning and improvement 2017/18". */
    public String title() {
        return TITLE + " " + year.label();
    }

    /**
     * The figures that moved most, whatever their polarity: over two years (the report's year against
     * the year two years before it) and, of the rest, over the year.
     *
     * @param twoYears "2015/16 to 2017/18"
     * @param oneYear  "2016/17 to 2017/18"
     */
    public record Headlines(String twoYears, String oneYear, List<Movement> overTwoYears, List<Movement> overTheYear) {

        public boolean isEmpty() {
            return overTwoYears.isEmpty() && overTheYear.isEmpty();
        }

        /** Every movement, two-year ones first. */
        public List<Movement> all() {
            return java.util.stream.Stream.concat(overTwoYears.stream(), overTheYear.stream()).toList();
        }
    }

    /**
     * One headline movement in the report's words, with the figures it is drawn from (oldest first).
     *
     * @param sentence "The number of children subject to a child protection plan rose from 569 in 2015/16 to 730 in 2017/18: …"
     * @param from     "569 in 2015/16"
     * @param to       "730 in 2017/18"
     * @param change   "+161 (+28.3 %)", "-5 pts"
     * @param compared "Higher than England and similar authorities in 2017/18", or null without a comparison
     * @param number   its place among the section's movements (two-year ones first), for its chart's number and ids
     */
    public record Movement(int number, String code, String title, String unit, String sentence, String from, String to, String change,
                           @Nullable String compared, List<Point> points) {

        /** The chart of the movement's figures (the gateway's accessible SVG chart model), its ids "headline-chart-1-…". */
        public String chart() {
            return MovementChart.svg("headline-chart-" + number, this);
        }

        /**
         * The same chart for the tagged PDF: the renderer tags it as a figure whose alternative text is its
         * {@code alt} attribute, so it carries the chart's title and sentence there too.
         */
        public String printChart() {
            return MovementChart.withAlt(chart(), title + ". " + sentence);
        }

        /** "Chart 1: Children subject to a child protection plan, 2015/16 to 2017/18." */
        public String chartCaption() {
            return "Chart " + number + ": " + title + ", " + points.get(0).period() + " to " + points.get(points.size() - 1).period() + ".";
        }
    }

    /** One figure of a movement: its period in words, the number and the number in words. */
    public record Point(String period, java.math.BigDecimal value, String words) {
    }

    /** One part of the executive summary: a heading, and its points (or why there are none). */
    public record SummaryPart(String number, String heading, boolean available, String unavailableNote, List<String> points) {
    }

    /** 2.1: the year's figures that are off target or getting worse. */
    public record Quantitative(int withFigure, int withoutFigure, List<RagCount> ragCounts,
                               List<IndicatorFigure> offTarget, List<IndicatorFigure> worsening) {

        /** "5 indicators have a figure for 2017/18; 1 has none yet." */
        public String coverage(ReportYear year) {
            return withFigure + (withFigure == 1 ? " indicator has" : " indicators have") + " a figure for " + year.label() + "; "
                    + withoutFigure + (withoutFigure == 1 ? " has" : " have") + " none yet.";
        }
    }

    public record RagCount(String rating, long indicators) {
    }

    /**
     * One indicator's figure for the year, with everything as indicators-service computed it
     * (RAG, direction, change and change %), formatted for reading.
     */
    public record IndicatorFigure(String code, String title, String agency, String period, String value, String target,
                                  String previous, String change, String changePercent, String rating, String direction,
                                  String rag, @Nullable String compared) {

        /** The title, and how the figure compares when it does: "Children in need. Higher than England and similar authorities". */
        public String titleAndComparison() {
            return compared == null ? title : title + ". " + compared;
        }
    }

    /** 2.2: the year's audits and reviews, their case grades, and the themes of their findings. */
    public record Qualitative(int audits, List<SourceCount> sources, List<GradeScale> grades, List<Theme> themes) {
    }

    public record SourceCount(String type, long count) {
    }

    /** The grade distribution of the year's case audits on one scale. */
    public record GradeScale(String scale, int audits, int cases, List<GradeCount> distribution, String meetingStandard) {
    }

    public record GradeCount(String grade, long cases) {
    }

    /** A theme found in the year's evidence: how often, from how many sources, and a few findings. */
    public record Theme(String label, int findings, int sources, boolean repeated, List<Example> examples) {

        /** "7 findings from 2 sources". */
        public String counts() {
            return findings + (findings == 1 ? " finding" : " findings") + " from " + sources + (sources == 1 ? " source" : " sources");
        }
    }

    /** One finding quoted as evidence, with the audit or review it came from. */
    public record Example(String kind, String text, String source) {
    }

    /** 3: an action completed in the year and what difference it made. */
    public record Impact(String ref, String action, String lead, String completedOn, String difference) {
    }

    /** 4: an action still open as the year closes. */
    public record OpenAction(String ref, String action, String lead, String due, String delivery, String issue) {
    }

    public record Term(String term, String meaning) {
    }
}
