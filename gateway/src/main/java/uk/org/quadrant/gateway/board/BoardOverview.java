package uk.org.quadrant.gateway.board;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.Panel;
import uk.org.quadrant.gateway.clients.actions.Rollup;
import uk.org.quadrant.gateway.clients.audits.AcrossAuditsGrades;
import uk.org.quadrant.gateway.clients.audits.ThemeAnalysis;
import uk.org.quadrant.gateway.web.words.Words;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The board's first screen: the four quadrants side by side, each with its headline and what is off
 * track in it, and what needs the board's attention. Built from the same panels as the sections below
 * it (no further calls); a quadrant whose service did not answer says so.
 */
public record BoardOverview(List<Card> quadrants, Card attention) {

    /** How many items a card lists before pointing to its section. */
    static final int ITEMS = 2;

    /** One card: its title and section link, headline figures, a few items, or why it is empty or unavailable. */
    public record Card(String id, String title, String href, boolean available, String service, List<Figure> figures,
                       List<Item> items, String emptyText) {
    }

    /** A headline figure ("3" "off track"), with a colour when it signals something, and where its detail is. */
    public record Figure(String number, String label, @Nullable String colour, @Nullable String href) {

        Figure(String number, String label, @Nullable String colour) {
            this(number, label, colour, null);
        }
    }

    /** One line of a card: its words, a link, and an optional tag. */
    public record Item(String text, @Nullable String href, @Nullable Words.Tag tag) {
    }

    /** The inputs: the sections' panels, as {@link BoardDashboard} composed them. */
    record Sources(Panel<Map<String, Long>> ragCounts, Panel<List<BoardDashboard.ExceptionRow>> exceptions,
                   Panel<List<AcrossAuditsGrades>> grades, Panel<List<ThemeAnalysis>> themes,
                   Panel<List<ThemeAnalysis>> practitioners, Panel<List<ThemeAnalysis>> families,
                   Panel<List<Rollup>> actionsByAgency, Panel<Long> overdueTotal, Panel<List<BoardDashboard.OverdueAction>> overdue,
                   Panel<List<BoardDashboard.MatrixRow>> submissions, @Nullable String periodLabel, boolean manager) {
    }

    static BoardOverview of(Sources s) {
        return new BoardOverview(List.of(performance(s), audits(s), views("practitioners", "3. Practitioners’ views", s.practitioners()),
                views("families", "4. Children, young people and families’ views", s.families())), attention(s));
    }

    private static Card performance(Sources s) {
        String title = "1. Performance data";
        if (!s.ragCounts().available() || !s.exceptions().available()) {
            return unavailable("performance", title, s.ragCounts().service());
        }
        Map<String, Long> counts = s.ragCounts().data();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(Long.toString(s.exceptions().data().size()), "off track", s.exceptions().data().isEmpty() ? null : "red",
                "#panel-exceptions"));
        // red, amber and green here; "no target" and "no figure" are in the section below
        counts.entrySet().stream().filter(e -> List.of("RED", "AMBER", "GREEN").contains(e.getKey()))
                .forEach(e -> figures.add(new Figure(Long.toString(e.getValue()), BoardDashboard.ragLabel(e.getKey(), s.periodLabel()).toLowerCase(),
                        null)));
        List<Item> items = s.exceptions().data().stream().limit(ITEMS)
                .map(e -> new Item(e.title() + ": " + plain(e.value()) + (e.target() == null ? "" : " against " + plain(e.target())),
                        "/indicators/" + e.code(), new Words.Tag(e.ragText(), Words.rag(e.rag()).colour())))
                .toList();
        return new Card("performance", title, "#performance", true, "", figures, items,
                "No indicator is red, or amber and getting worse" + (s.periodLabel() == null ? "." : " in " + s.periodLabel() + "."));
    }

    private static Card audits(Sources s) {
        String title = "2. Audits and reviews";
        if (!s.grades().available() || !s.themes().available()) {
            return unavailable("audits", title, s.grades().service());
        }
        List<Figure> figures = new ArrayList<>();
        for (AcrossAuditsGrades g : s.grades().data()) {
            if (g.percentMeetingStandard() != null && g.cases() > 0) {
                figures.add(new Figure(plain(g.percentMeetingStandard()) + " %", "of " + g.cases() + " graded cases "
                        + Words.of(g.standard()).toLowerCase() + " or better (" + Words.of(g.gradingScale()) + ")", null));
            }
        }
        List<Item> items = s.themes().data().stream().limit(ITEMS)
                .map(t -> new Item("Repeated: " + t.label() + ", " + t.findings() + " findings from " + t.sources() + " sources",
                        "/themes", null))
                .toList();
        return new Card("audits", title, "#audits", true, "", figures, items, "No graded case audits or repeated themes for these filters.");
    }

    private static Card views(String id, String title, Panel<List<ThemeAnalysis>> panel) {
        if (!panel.available()) {
            return unavailable(id, title, panel.service());
        }
        List<Item> items = panel.data().stream().limit(ITEMS)
                .map(t -> new Item(t.label() + ": " + t.findings() + " findings from " + t.sources() + " sources", "/themes", null))
                .toList();
        int findings = panel.data().stream().mapToInt(ThemeAnalysis::findings).sum();
        List<Figure> figures = findings == 0 ? List.of() : List.of(new Figure(Integer.toString(findings), "views recorded under "
                + panel.data().size() + (panel.data().size() == 1 ? " theme" : " themes"), null));
        return new Card(id, title, "#" + id, true, "", figures, items, "No views recorded for these filters yet.");
    }

    private static Card attention(Sources s) {
        List<Figure> figures = new ArrayList<>();
        boolean available = true;
        String service = "";
        if (s.overdueTotal().available() && s.actionsByAgency().available()) {
            long atRisk = s.actionsByAgency().data().stream().mapToLong(Rollup::atRisk).sum();
            figures.add(new Figure(Long.toString(s.overdueTotal().data()), "actions overdue", s.overdueTotal().data() > 0 ? "red" : null,
                    "#panel-overdue"));
            figures.add(new Figure(Long.toString(atRisk), "actions at risk", atRisk > 0 ? "yellow" : null, "#panel-actions-agency"));
        } else {
            available = false;
            service = s.overdueTotal().service();
        }
        if (s.submissions().available()) {
            List<BoardDashboard.MatrixRow> rows = s.submissions().data();
            long late = rows.stream().filter(r -> !r.cells().isEmpty() && r.cells().get(r.cells().size() - 1).late()).count();
            figures.add(new Figure(Long.toString(late), (late == 1 ? "agency" : "agencies") + " late with returns"
                    + (s.periodLabel() == null ? "" : " for " + s.periodLabel()), late > 0 ? "red" : null, "#panel-submissions"));
            if (s.manager()) {
                long waiting = rows.stream().flatMap(r -> r.cells().stream()).mapToLong(BoardDashboard.MatrixCell::waiting).sum();
                figures.add(new Figure(Long.toString(waiting), waiting == 1 ? "value waiting for your approval" : "values waiting for your approval",
                        waiting > 0 ? "blue" : null, "/board/submissions"));
            }
        }
        return new Card("attention", "Needs the board’s attention", "#actions", available, service, figures, List.of(),
                "No action is overdue.");
    }

    private static Card unavailable(String id, String title, String service) {
        return new Card(id, title, "#" + id, false, service, List.of(), List.of(), "");
    }

    private static String plain(@Nullable BigDecimal d) {
        if (d == null) {
            return "no figure";
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
