package uk.org.quadrant.gateway.report;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.org.quadrant.gateway.support.Browserless;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Answer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The annual report over real HTTP, with stand-ins for the three services (ServiceStandIn on
 * loopback) answering realistic JSON: every section in the board's order with the stand-ins'
 * figures, eight calls carrying the user's token and the year's bounds, each service down in turn,
 * board roles only, a bad year refused, and the PDF read back with the same library.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningReportPageTest implements TestPropertyProvider {

    private static final String PAGE = "/reports/learning-and-improvement?year=2017April";
    private static final String PDF = "/reports/learning-and-improvement.pdf?year=2017April";
    private static final String DOCX = "/reports/learning-and-improvement.docx?year=2017April";

    private final ServiceStandIn indicators = new ServiceStandIn().on("/api/v1/scorecard", ReportStubData.SCORECARD);
    private final ServiceStandIn audits = new ServiceStandIn().on("/api/v1/audits", ReportStubData.AUDITS)
            .on("/api/v1/grades", ReportStubData.GRADES)
            .on("/api/v1/themes/analysis", r -> {
                String themes = Map.of("QUALITATIVE", ReportStubData.QUALITATIVE_THEMES, "PRACTITIONER", ReportStubData.PRACTITIONER_THEMES,
                        "CHILDREN_AND_FAMILIES", ReportStubData.FAMILIES_THEMES).get(r.query().replaceAll(".*quadrant=([A-Z_]+).*", "$1"));
                return themes == null ? Answer.json(404, "{\"title\":\"unavailable\",\"status\":404}") : Answer.json(themes);
            });
    private final ServiceStandIn actions = new ServiceStandIn().on("/api/v1/actions", ReportStubData.ACTIONS)
            .on("/api/v1/updates", ReportStubData.UPDATES);
    private final Map<String, ServiceStandIn> services = Map.of("indicators", indicators, "audits", audits, "actions", actions);

    /** What the stand-ins received: "service GET path?query | Authorization". */
    /** What the report asked (not the navigation's approvals count, read in the background for a manager). */
    private List<String> received() {
        return services.entrySet().stream().flatMap(s -> s.getValue().received().stream()
                .filter(r -> !r.path().equals("/api/v1/submissions/waiting"))
                .map(r -> s.getKey() + " " + r.line() + " | " + r.authorization())).toList();
    }

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.http.services.indicators.url", indicators.url(),
                "micronaut.http.services.audits.url", audits.url(),
                "micronaut.http.services.actions.url", actions.url(),
                "quadrant.report.partnership", "Exampleshire Safeguarding Children Partnership",
                // the first PDF or DOCX of a JVM loads the fonts and the SVG renderer; a shared machine can take a while
                "micronaut.http.client.read-timeout", "60s",
                // a stand-in taken down on purpose must not leave its circuit open for the next test
                "quadrant.downstream.breaker-threshold", "100000");
    }

    @AfterEach
    void allUp() {
        services.values().forEach(ServiceStandIn::recover);
    }

    @AfterAll
    void stop() {
        services.values().forEach(ServiceStandIn::close);
    }

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless(http.toBlocking());
        browser.signIn(user, Browserless.DEMO_PASSWORD);
        return browser;
    }

    /** A link followed by a browser: it accepts HTML first, anything else after. */
    private static Browserless.Page download(Browserless browser, String path) {
        return browser.send(HttpRequest.GET(path).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    }

    private static void inOrder(String body, List<String> parts) {
        int at = -1;
        for (String part : parts) {
            int next = body.indexOf(part, at + 1);
            int from = Math.max(at, 0);
            assertTrue(next > at, "'" + part + "' should come after the previous part, in order " + parts + "; after it: "
                    + body.substring(from, Math.min(body.length(), from + 400)));
            at = next;
        }
    }

    @Test
    void everySectionIsThereInTheBoardsOrderWithTheServicesFigures() {
        Browserless.Page page = signedIn("chair").get(PAGE);
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("<title>Themes for learning and improvement 2017/18 – Quadrant</title>"), body);
        assertEquals(1, body.split("<h1").length - 1, "one h1");
        assertTrue(body.contains("Exampleshire Safeguarding Children Partnership"));
        inOrder(body, List.of(">1. Executive summary: themes for learning and improvement and recommendations<",
                ">1.1 Quantitative themes in summary<", ">1.2 Qualitative themes in summary<", ">1.3 Practitioner views<",
                ">1.4 Children, young people and families&#39; views<", ">1.5 Recommended actions for 2018/19<",
                ">2. Themes and findings from case reviews, audits, complaints and engagement with young people<",
                ">2.1 Quantitative<", ">2.2 Qualitative<", ">2.3 Views of practitioners<", ">2.4 Views of young people, parents and carers<",
                ">3. Impact of work<", ">4. Actions<", ">5. Glossary<"));
        // quantitative: off target and worsening, with the service's own change %
        inOrder(body, List.of(">2.1 Quantitative<", "5 indicators have a figure for 2017/18; 1 has none yet.", "Indicators off target in 2017/18", "Children subject to a child protection plan",
                ">730<", ">650<", ">607<", ">+123<", ">+20.3 %<", ">Red<", ">Worsening<",
                "MASH enquiries completed in time", ">45 %<", ">75 %<", "Fathers attending child protection conferences", ">Amber<",
                "getting worse", "Children looked after", ">+3.6 %<"));
        assertFalse(body.contains("Retired CAF measure"), "a 2015/16 figure is not in the 2017/18 report");
        String quantitative = body.substring(body.indexOf(">2.1 Quantitative<"), body.indexOf(">2.2 Qualitative<"));
        assertFalse(quantitative.contains("Early help assessments completed"), "on target and improving is not a theme for improvement");
        // qualitative, views, impact, actions
        inOrder(body, List.of(">2.2 Qualitative<", "3 audits and reviews covered 2017/18.", "Ofsted scale: 12 cases in 2 audits, 75.0 % good or better",
                ">Requires improvement<", ">3<", "Neglect", "Repeated theme", "Use the child care development checklist earlier",
                ">2.3 Views of practitioners<", "Thresholds", "Threshold awareness at the level of early help needs to be greater",
                ">2.4 Views of young people, parents and carers<", "Voice of the child", "Telling my story over and over",
                ">3. Impact of work<", ">NA1<", "Roll out the neglect toolkit", ">1 February 2018<",
                "Neglect named earlier in 8 of 10 audited cases", ">4. Actions<", "Open actions carried into 2018/19", ">NA2<", ">Overdue<",
                ">DA1<", "Recommendations from the year's findings", "Refer every young person&#39;s case to MARAC"));
        assertTrue(body.contains("Children subject to a child protection plan (2017/18) was 730 against a target of 650 (red), 607 to 730 (+123, +20.3 %)."),
                "executive summary states the figure");
        assertFalse(body.contains("unavailable"), "every service answered");
        // the headline movements come first, in the report's own words, whatever the polarity
        inOrder(body, List.of(">Contents<", ">Headline movements<", ">Over two years, 2015/16 to 2017/18<",
                "The number of children subject to a child protection plan rose from 569 in 2015/16 to 730 in 2017/18: a rise of 28.3 % over two years",
                ">Over the year, 2016/17 to 2017/18<", "The number of early help assessments completed rose from 458 in 2016/17 to 1,255 in 2017/18",
                ">1. Executive summary"));
        // each movement is drawn with the indicator pages' accessible chart, captioned, its figures in the table
        String headlines = body.substring(body.indexOf("id=\"headlines\""), body.indexOf("id=\"summary\""));
        java.util.regex.Matcher charts = java.util.regex.Pattern.compile("(?s)<figure[^>]*>\\s*(<svg.*?</svg>)\\s*<figcaption[^>]*>(.*?)</figcaption>")
                .matcher(headlines);
        List<String> captions = new java.util.ArrayList<>();
        while (charts.find()) {
            String svg = charts.group(1);
            assertTrue(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"headline-chart-"), svg);
            assertTrue(svg.contains("<title id=\"headline-chart-") && svg.contains("<desc id=\"headline-chart-"), svg);
            captions.add(charts.group(2));
        }
        assertEquals(List.of("Chart 1: Children subject to a child protection plan, 2015/16 to 2017/18. Its figures are in the table above.",
                "Chart 2: Early help assessments completed, 2016/17 to 2017/18. Its figures are in the table above.",
                "Chart 3: Fathers attending child protection conferences, Q4 2016/17 to Q4 2017/18. Its figures are in the table above.",
                "Chart 4: Children looked after, 2016/17 to 2017/18. Its figures are in the table above."), captions);
        assertTrue(headlines.contains("<title>Our figure, 2016/17: 607</title>"), "each point's figure in its tooltip");
        assertTrue(headlines.contains("caption class=\"govuk-table__caption govuk-table__caption--s\" id=\"movements-two-caption\""));
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(body);
        Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "ids are unique on the page: " + ids.group(1));
        }
        assertTrue(body.contains("href=\"/reports/learning-and-improvement.pdf?year=2017April\""), "download link");
        assertTrue(body.contains("href=\"/reports/learning-and-improvement.docx?year=2017April\""), "Word download link");
    }

    @Test
    void nineCallsCarryTheUsersTokenAndTheYearsBounds() {
        Browserless browser = signedIn("manager");
        services.values().forEach(ServiceStandIn::clear);
        assertEquals(200, browser.get(PAGE).status());
        List<String> received = received();
        String bearer = "Bearer " + browser.cookie("quadrant_session").orElseThrow();
        String range = "from=2017-04-01&to=2018-03-31";
        Set<String> expected = Set.of(
                "indicators GET /api/v1/scorecard?period=2017April",
                "indicators GET /api/v1/benchmarks?period=2017April",
                "audits GET /api/v1/audits",
                "audits GET /api/v1/grades?" + range,
                "audits GET /api/v1/themes/analysis?" + range + "&quadrant=QUALITATIVE",
                "audits GET /api/v1/themes/analysis?" + range + "&quadrant=PRACTITIONER",
                "audits GET /api/v1/themes/analysis?" + range + "&quadrant=CHILDREN_AND_FAMILIES",
                "actions GET /api/v1/actions",
                "actions GET /api/v1/updates?" + range);
        assertEquals(9, received.size(), "one bulk call each, never one per indicator, audit or action: " + received);
        assertEquals(expected, Set.copyOf(received.stream().map(r -> r.substring(0, r.indexOf(" | "))).toList()), received::toString);
        received.forEach(r -> assertTrue(r.endsWith(" | " + bearer), "the user's own token: " + r));
    }

    @ParameterizedTest
    @CsvSource({
            "indicators, indicators-service, 2.1 Quantitative, Children subject to a child protection plan, Neglect named earlier",
            "audits, audits-service, 2.2 Qualitative, Use the child care development checklist earlier, Children subject to a child protection plan",
            "actions, actions-service, 3. Impact of work, Neglect named earlier, Telling my story over and over"})
    void aServiceThatIsDownLeavesItsSectionsSayingSoAndTheRestRenders(String service, String name, String section, String gone,
                                                                        String stillThere) {
        services.get(service).failWith(503);
        Browserless.Page page = signedIn("chair").get(PAGE);
        assertEquals(200, page.status(), page.body());
        String body = page.body();
        String note = "The figures for this part are unavailable: " + name + " did not answer when this report was produced.";
        inOrder(body, List.of(">" + section + "<", note));
        assertFalse(body.contains(gone), "nothing from " + name);
        assertTrue(body.contains(stillThere), "the other services' figures still show");
        for (String other : List.of("indicators-service", "audits-service", "actions-service")) {
            if (!other.equals(name)) {
                assertFalse(body.contains("unavailable: " + other), other + " answered");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csc.lead", "tvp.user"})
    void agencyUsersAreRefused(String user) {
        Browserless browser = signedIn(user);
        services.values().forEach(ServiceStandIn::clear);
        assertEquals(403, browser.get(PAGE).status());
        assertEquals(403, download(browser, PDF).status());
        assertEquals(403, download(browser, DOCX).status());
        List<String> received = received();
        assertTrue(received.isEmpty(), "no service is asked for a refused user: " + received);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?year=2017", "?year=2017Sep", "?year=April2017", "?year=%3Cscript%3E", ""})
    void aBadYearIsA400NamingTheParameter(String query) {
        Browserless.Page page = signedIn("manager").get("/reports/learning-and-improvement" + query);
        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains("The year parameter must be a financial year such as 2017April"), page.body());
        assertFalse(page.body().contains("<script>"), "the bad value is escaped");
        Browserless.Page pdf = download(signedIn("manager"), "/reports/learning-and-improvement.pdf" + query);
        assertEquals(400, pdf.status(), pdf.body());
        assertTrue(pdf.body().contains("The year parameter must be a financial year"), pdf.body());
        Browserless.Page docx = download(signedIn("manager"), "/reports/learning-and-improvement.docx" + query);
        assertEquals(400, docx.status(), docx.body());
    }

    private byte[] pdf() {
        return download(PDF).body();
    }

    private HttpResponse<byte[]> download(String path) {
        Browserless browser = signedIn("chair");
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path)
                            .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                            .cookie(Cookie.of("quadrant_session", browser.cookie("quadrant_session").orElseThrow())), byte[].class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(path + " download failed: " + e.getStatus() + " " + e.getResponse().getBody(String.class).orElse(""), e);
        }
    }

    /**
     * PDF/UA: a structure tree and marked content, the document's language, its title shown in the window
     * rather than the file name, every font embedded, the charts as figures with alternative text, and the
     * text read in the document's order (headline movements before the executive summary).
     */
    @Test
    void thePdfIsTaggedWithItsLanguageTitleEmbeddedFontsAndReadingOrder() throws IOException {
        byte[] pdf = pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var catalog = doc.getDocumentCatalog();
            assertTrue(catalog.getStructureTreeRoot() != null, "a structure tree");
            assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), "MarkInfo Marked true");
            assertEquals("en-GB", catalog.getLanguage());
            assertTrue(catalog.getViewerPreferences() != null && catalog.getViewerPreferences().displayDocTitle(), "DisplayDocTitle");
            assertEquals("Themes for learning and improvement 2017/18", doc.getDocumentInformation().getTitle());
            assertTrue(catalog.getMetadata() != null, "XMP metadata (PDF/UA identification)");
            List<String> fonts = new java.util.ArrayList<>();
            for (PDPage page : doc.getPages()) {
                fonts(page.getResources(), fonts, new java.util.HashSet<>());
            }
            assertFalse(fonts.isEmpty(), "text is set in fonts");
            fonts.forEach(f -> assertTrue(f.endsWith("embedded"), "every font embedded: " + fonts));
            assertTrue(fonts.stream().allMatch(f -> f.contains("DejaVuSans")), "only the shipped fonts: " + fonts);

            List<String> types = new java.util.ArrayList<>();
            List<String> figureAlts = new java.util.ArrayList<>();
            structure(catalog.getStructureTreeRoot().getKids(), types, figureAlts);
            for (String tag : List.of("H1", "H2", "H3", "Table", "TH", "TD", "L", "LI", "Figure")) {
                assertTrue(types.contains(tag), "a " + tag + " in the structure tree: " + new java.util.TreeSet<>(types));
            }
            assertEquals(4, figureAlts.size(), "one figure per headline chart: " + figureAlts);
            assertTrue(figureAlts.get(0).contains("Children subject to a child protection plan"), figureAlts.get(0));

            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            inOrder(text, List.of("Exampleshire Safeguarding Children Partnership", "Contents", "Headline movements",
                    "Over two years, 2015/16 to 2017/18",
                    "The number of children subject to a child protection plan rose from 569 in 2015/16 to 730 in 2017/18: "
                            + "a rise of 28.3 % over two years (607 in 2016/17).",
                    "Over the year, 2016/17 to 2017/18", "The number of early help assessments completed rose from 458 in 2016/17 to 1,255",
                    "1. Executive summary: themes for learning and improvement and recommendations", "1.1 Quantitative themes in summary",
                    "2.1 Quantitative", "3. Impact of work", "5. Glossary"));
        }
    }

    /** Each font of these resources (and of the forms they draw) as "name embedded" or "name NOT embedded". */
    private static void fonts(PDResources resources, List<String> out, Set<COSName> seen) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            boolean embedded = font instanceof PDType0Font t0 ? t0.getDescendantFont().isEmbedded() : font.isEmbedded();
            out.add(font.getName() + (embedded ? " embedded" : " NOT embedded"));
        }
        for (COSName name : resources.getXObjectNames()) {
            if (seen.add(name) && resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                fonts(form.getResources(), out, seen);
            }
        }
    }

    private static void structure(List<Object> kids, List<String> types, List<String> figureAlts) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                types.add(e.getStructureType());
                if ("Figure".equals(e.getStructureType())) {
                    figureAlts.add(String.valueOf(e.getAlternateDescription()));
                }
                structure(e.getKids(), types, figureAlts);
            }
        }
    }

    @Test
    void thePdfOpensWithItsTitlePageSectionsAndFigures() throws IOException {
        Browserless browser = signedIn("chair");
        HttpResponse<byte[]> response;
        try {
            response = http.toBlocking().exchange(HttpRequest.GET(PDF)
                            .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .cookie(Cookie.of("quadrant_session", browser.cookie("quadrant_session").orElseThrow())), byte[].class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError("PDF download failed: " + e.getStatus() + " " + e.getResponse().getBody(String.class).orElse(""), e);
        }
        assertEquals(200, response.code());
        assertEquals("application/pdf", response.getContentType().orElseThrow().toString());
        assertEquals("attachment; filename=\"learning-and-improvement-2017April.pdf\"", response.header("Content-Disposition"));
        byte[] pdf = response.body();
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "learning-and-improvement-test.pdf"), pdf);
        try (PDDocument reader = Loader.loadPDF(pdf)) {
            assertEquals("Themes for learning and improvement 2017/18", reader.getDocumentInformation().getTitle());
            PDFTextStripper text = new PDFTextStripper();
            java.util.function.IntFunction<String> page = p -> {
                try {
                    text.setStartPage(p);
                    text.setEndPage(p);
                    return text.getText(reader).replaceAll("\\s+", " ");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            String titlePage = page.apply(1);
            assertTrue(titlePage.contains("Exampleshire Safeguarding Children Partnership"), titlePage);
            assertTrue(titlePage.contains("Themes for learning and improvement"), titlePage);
            assertTrue(titlePage.contains("2017/18"), titlePage);
            List<String> pages = new java.util.ArrayList<>();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                pages.add(page.apply(p));
            }
            String doc = String.join(" ", pages);
            java.util.function.BiFunction<String, Integer, Integer> pageFrom = (part, first) -> {
                for (int p = first - 1; p < pages.size(); p++) {
                    if (pages.get(p).contains(part)) {
                        return p + 1;
                    }
                }
                throw new AssertionError("'" + part + "' is not in the PDF from page " + first + ": " + doc);
            };
            java.util.function.ToIntFunction<String> pageOf = part -> pageFrom.apply(part, 3);
            List<String> sections = List.of("1. Executive summary", "2. Themes and findings", "3. Impact of work", "4. Actions",
                    "5. Glossary");
            List<Integer> starts = sections.stream().map(pageOf::applyAsInt).toList();
            for (int k = 1; k < starts.size(); k++) {
                assertTrue(starts.get(k) > starts.get(k - 1), "each section starts on a later page: " + sections + " " + starts);
            }
            int themes = pageOf.applyAsInt("2. Themes and findings");
            int impact = pageOf.applyAsInt("3. Impact of work");
            for (String part : List.of("2.1 Quantitative", "Children subject to a child protection plan", "+123", "+20.3 %",
                    "2.2 Qualitative", "75.0 % good or better", "Use the child care development checklist earlier",
                    "2.3 Views of practitioners", "Thresholds 3 findings from 1 source", "2.4 Views of young people, parents and carers",
                    "Telling my story over and over")) {
                int at = pageFrom.apply(part, themes);
                assertTrue(at >= themes && at < impact, "'" + part + "' is in section 2 (pages " + themes + "-" + (impact - 1) + "), not on page " + at);
            }
            assertEquals(impact, pageOf.applyAsInt("Neglect named earlier in 8 of 10 audited"), "impact with its difference");
            assertTrue(doc.contains("1.1 Quantitative themes in summary") && doc.contains("1.5 Recommended actions for 2018/19"));
            assertTrue(doc.contains("607 to 730 (+123, +20.3 %)"), "the summary states the figure");
            assertTrue(doc.contains("5 indicators have a figure for 2017/18; 1 has none yet."), "the same words as the page");
            assertFalse(doc.contains("Retired CAF measure"));
        }
    }

    /**
     * The DOCX as Word reads it: Word's own heading styles with the report's headings in order, tables with
     * a header row, each headline chart as a PNG with its alternative text, the title and the figures.
     */
    @Test
    void theDocxHasRealHeadingsTablesAndChartsAsImages() throws IOException {
        HttpResponse<byte[]> response = download(DOCX);
        assertEquals(200, response.code());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                response.getContentType().orElseThrow().toString());
        assertEquals("attachment; filename=\"learning-and-improvement-2017April.docx\"", response.header("Content-Disposition"));
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc =
                     new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(response.body()))) {
            assertEquals("Themes for learning and improvement 2017/18", doc.getProperties().getCoreProperties().getTitle());
            List<String> h1 = new java.util.ArrayList<>();
            List<String> h2 = new java.util.ArrayList<>();
            for (org.apache.poi.xwpf.usermodel.XWPFParagraph p : doc.getParagraphs()) {
                if ("Heading1".equals(p.getStyle())) {
                    h1.add(p.getText());
                } else if ("Heading2".equals(p.getStyle())) {
                    h2.add(p.getText());
                }
            }
            assertEquals(List.of("Contents", "Headline movements", "1. Executive summary: themes for learning and improvement and recommendations",
                    "2. Themes and findings from case reviews, audits, complaints and engagement with young people", "3. Impact of work",
                    "4. Actions", "5. Glossary"), h1);
            inOrder(String.join("|", h2), List.of("Over two years, 2015/16 to 2017/18", "Over the year, 2016/17 to 2017/18",
                    "1.1 Quantitative themes in summary", "2.1 Quantitative", "2.2 Qualitative", "2.3 Views of practitioners"));
            org.apache.poi.xwpf.usermodel.XWPFStyle heading1 = doc.getStyles().getStyle("Heading1");
            assertEquals("heading 1", heading1.getName(), "Word's built-in heading style");
            assertEquals(0, heading1.getCTStyle().getPPr().getOutlineLvl().getVal().intValue(), "a heading in the outline");

            List<org.apache.poi.xwpf.usermodel.XWPFTable> tables = doc.getTables();
            assertTrue(tables.size() >= 8, "the report's tables: " + tables.size());
            org.apache.poi.xwpf.usermodel.XWPFTable movements = tables.get(0);
            assertEquals(List.of("Indicator", "From", "To", "Change", "Compared with England and similar authorities"),
                    movements.getRow(0).getTableCells().stream().map(org.apache.poi.xwpf.usermodel.XWPFTableCell::getText).toList());
            assertTrue(movements.getRow(0).isRepeatHeader(), "the header row repeats on each page");
            assertEquals(List.of("Children subject to a child protection plan", "569 in 2015/16", "730 in 2017/18", "+161 (+28.3 %)",
                    "No published comparison"), movements.getRow(1).getTableCells().stream()
                    .map(org.apache.poi.xwpf.usermodel.XWPFTableCell::getText).toList());

            List<org.apache.poi.xwpf.usermodel.XWPFPictureData> pictures = doc.getAllPictures();
            assertEquals(4, pictures.size(), "one chart per headline movement");
            for (org.apache.poi.xwpf.usermodel.XWPFPictureData picture : pictures) {
                assertEquals(org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG, picture.getPictureType());
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(picture.getData()));
                assertEquals(1440, image.getWidth(), "drawn from the SVG at twice the page's width");
            }
            List<String> alts = new java.util.ArrayList<>();
            for (org.apache.poi.xwpf.usermodel.XWPFParagraph p : doc.getParagraphs()) {
                for (org.apache.poi.xwpf.usermodel.XWPFRun run : p.getRuns()) {
                    for (var drawing : run.getCTR().getDrawingList()) {
                        drawing.getInlineList().forEach(inline -> alts.add(inline.getDocPr().getDescr()));
                    }
                }
            }
            assertEquals(4, alts.size(), alts::toString);
            assertTrue(alts.get(0).startsWith("Children subject to a child protection plan. The number of children subject to a child "
                    + "protection plan rose from 569 in 2015/16 to 730 in 2017/18"), alts.get(0));
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            inOrder(text, List.of("Exampleshire Safeguarding Children Partnership", "The number of early help assessments completed rose from 458",
                    "Chart 2: Early help assessments completed", "607 to 730 (+123, +20.3 %)", "Neglect named earlier in 8 of 10 audited cases",
                    "Refer every young person's case to MARAC"));
        }
    }

    /** Done when: the DOCX opens in LibreOffice (headless) and converts to PDF. CI installs LibreOffice; skipped only without it. */
    @Test
    void theDocxOpensInLibreOfficeAndConvertsToPdf() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(soffice() != null, "soffice (LibreOffice) is not installed here");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("report-docx");
        try {
            convertsWithLibreOffice(dir);
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void convertsWithLibreOffice(java.nio.file.Path dir) throws Exception {
        java.nio.file.Path docx = dir.resolve("learning-and-improvement-2017April.docx");
        java.nio.file.Files.write(docx, download(DOCX).body());
        Process process = new ProcessBuilder(soffice(), "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString())
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "LibreOffice converts within 3 minutes: " + output);
        java.nio.file.Path pdf = dir.resolve("learning-and-improvement-2017April.pdf");
        assertTrue(java.nio.file.Files.exists(pdf), "a PDF comes out: " + output);
        try (PDDocument converted = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(converted).replaceAll("\\s+", " ");
            inOrder(text, List.of("Themes for learning and improvement 2017/18", "Headline movements",
                    "The number of children subject to a child protection plan rose from 569 in 2015/16 to 730 in 2017/18",
                    "1. Executive summary", "5. Glossary"));
            assertTrue(converted.getNumberOfPages() > 3, "the whole report: " + converted.getNumberOfPages() + " pages");
        }
    }

    private static String soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            java.nio.file.Path candidate = java.nio.file.Path.of(dir, "soffice");
            if (java.nio.file.Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
