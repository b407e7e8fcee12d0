package uk.org.quadrant.indicators.imports;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading uploads with Commons CSV: real DHIS2 and DfE files, and the quirks an error's line number depends on. */
class CsvLinesTest {

    @Test
    void aRealDhis2DataValueSetEveryFieldQuotedNoFinalNewline() throws IOException {
        List<CsvLines.Line> lines = CsvLines.parse(resource("dataValueSetB.csv"));
        assertEquals(13, lines.size());
        assertEquals(List.of("dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo", "value", "storedby",
                "timestamp", "comment", "followup"), lines.get(0).fields());
        assertEquals(new CsvLines.Line(13, List.of("eY5ehpbEsB7", "201202", "BdfsJfj87js", "", "", "10012", "john", "2012-01-01",
                "comment", "false")), lines.get(12));

        ImportFormats.Parsed parsed = new ImportFormats(ObjectMapper.getDefault()).dhis2Csv(resource("dataValueSetB.csv"));
        assertEquals(List.of(), parsed.errors());
        assertEquals(12, parsed.rows().size());
        ImportRow first = parsed.rows().get(0);
        assertEquals(List.of(2, "f7n9E0hX8qk", "201201", "DiszpKrYNg8", "10001", "comment"),
                List.of(first.row(), first.indicatorCode(), first.period(), first.agency(), first.value(), first.comment()));
    }

    @Test
    void aRealDfeFileWithAByteOrderMarkAndCommasInQuotedNames() throws IOException {
        List<CsvLines.Line> lines = CsvLines.parse(resource("cla_number_and_rate_per_10k_children_excerpt.csv"));
        assertEquals("time_period", lines.get(0).fields().get(0), "the byte-order mark is not part of the first name");
        assertEquals(14, lines.get(0).fields().size());
        assertEquals("Kingston upon Hull, City of", lines.get(1).fields().get(8));
        assertEquals(14, lines.get(1).fields().size());
        assertEquals(List.of("931", "Oxfordshire", "E10000025"), lines.get(5).fields().subList(7, 10));
    }

    @Test
    void lineNumbersCountBlankLinesAndLineBreaksInsideQuotes() {
        String text = "\uFEFFa,b\r\n\r\n\"two\nlines\",x\n\"\"\nlast,\"with \"\"quotes\"\", and a comma\"\rend";
        assertEquals(List.of(
                        new CsvLines.Line(1, List.of("a", "b")),
                        new CsvLines.Line(3, List.of("two\nlines", "x")),
                        new CsvLines.Line(6, List.of("last", "with \"quotes\", and a comma")),
                        new CsvLines.Line(7, List.of("end"))),
                CsvLines.parse(text));
    }

    @Test
    void quotesInsideAnUnquotedFieldAndAfterAClosingQuoteAreText() {
        assertEquals(List.of(List.of("a \"quoted\" word", "abcdef", "d ")),
                CsvLines.parse("a \"quoted\" word,\"abc\"def,\"d\" \n").stream().map(CsvLines.Line::fields).toList());
    }

    @Test
    void aQuoteNeverClosedNamesTheLineItsRecordStartsOn() {
        CsvLines.MalformedCsvException e = assertThrows(CsvLines.MalformedCsvException.class,
                () -> CsvLines.parse("h\nok\n\nx,\"never closed\nmore\n"));
        assertEquals(4, e.line());
        assertEquals("a quoted field is never closed", e.getMessage());
    }

    @Test
    void nothingButBlankLinesIsNoLines() {
        assertEquals(List.of(), CsvLines.parse("\n\n\r\n"));
        assertEquals(List.of(), CsvLines.parse(""));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CsvLinesTest.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
