package uk.org.quadrant.common.csv;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV downloads: RFC 4180 lines with CRLF, text that a spreadsheet would run prefixed with a quote, numbers as they are. */
class SpreadsheetCsvTest {

    /** An enum is written by its name, as the services' RAG ratings are. */
    enum Rag { RED, GREEN }


    @Test
    void textCellsAreNeutralisedAndQuotedWhereNeeded() {
        String csv = new SpreadsheetCsv(List.of("code", "value", "rag", "comment"))
                .row("=HYPERLINK(\"http://evil\")", new BigDecimal("1E+3"), Rag.RED, "a, b")
                .row("-x", -3, null, "+1")
                .row("@SUM(1)", true, Rag.GREEN, "\tx")
                .toString();
        assertEquals("code,value,rag,comment\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\")\",1000,RED,\"a, b\"\r\n"
                + "'-x,-3,,'+1\r\n"
                + "'@SUM(1),true,GREEN,'\tx\r\n", csv);
    }
}
