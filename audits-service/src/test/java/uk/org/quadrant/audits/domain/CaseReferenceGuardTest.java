package uk.org.quadrant.audits.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseReferenceGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"MACA-2017-04", "NEG-01", "EI1415-001", "C12", "NEG-12", "MACA-2018-11", "SCR-A1", "DV-3", "A1",
            "CSE-2016-007", "LR-2017-1", "12", "X-99999"})
    void pseudonymousCodesAreAccepted(String ref) {
        assertEquals(Optional.empty(), CaseReferenceGuard.problem(ref), ref);
    }

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', value = {
            // names
            "Smith        | upper-case",
            "SMITH        | number",
            "JOHNSON-1    | looks like a name (7 letters",
            "JOHNSONS-1   | looks like a name (8 letters",
            "Jane-Doe-1   | upper-case",
            "JANE-DOE     | number",
            "MACA-2017-JOHNSON | looks like a name",
            // dates of birth
            "2010-03-12   | date of birth",
            "12-03-2010   | date of birth",
            "1-3-2010     | date of birth",
            "12-03-10     | date of birth",
            "NEG-12MAR10  | date of birth",
            "12MAR2010    | date of birth",
            "NEG-MARCH-1  | date of birth",
            "20100312     | date of birth",
            "12032010     | date of birth",
            "C-2010-03-12 | date of birth",
            "NEG-20100312 | date of birth",
            // NHS and phone numbers
            "9434765919   | NHS or phone number",
            "943-476-5919 | NHS or phone number",
            "01865-123456 | NHS or phone number",
            "NHS9434765919 | NHS or phone number",
            // contact details and other shapes
            "a@b.c        | upper-case",
            "JANE@X.COM   | upper-case",
            "NEG 01       | upper-case",
            "-NEG1        | upper-case",
            "N            | upper-case",
            "MACA-2017-04-ABCDEF-12-ABCDEF-123 | upper-case"
    })
    void personalDataIsRefusedWithAReason(String ref, String reason) {
        Optional<String> problem = CaseReferenceGuard.problem(ref);
        assertTrue(problem.isPresent(), ref + " should be refused");
        assertTrue(problem.get().contains(reason), ref + ": '" + problem.get() + "' should say '" + reason + "'");
    }

    @Test
    void emptyAndBlankAndMissingAreRequired() {
        assertEquals(Optional.of("is required"), CaseReferenceGuard.problem(""));
        assertEquals(Optional.of("is required"), CaseReferenceGuard.problem("   "));
        assertEquals(Optional.of("is required"), CaseReferenceGuard.problem(null));
    }

    @Test
    void everyRefusalAdvisesTheAuditsOwnNumbering() {
        for (String ref : new String[]{"Smith", "SMITH", "JOHNSON-1", "2010-03-12", "9434765919", "a@b.c"}) {
            String problem = CaseReferenceGuard.problem(ref).orElseThrow();
            assertTrue(problem.contains("MACA-2017-04"), ref + ": " + problem);
        }
    }

    @Test
    void theRefusalNeverEchoesTheReference() {
        for (String ref : new String[]{"Smith", "JOHNSON-1", "2010-03-12", "9434765919", "JANE@X.COM"}) {
            String problem = CaseReferenceGuard.problem(ref).orElseThrow();
            assertFalse(problem.contains(ref), "the personal data is not repeated back: " + problem);
        }
    }

    @Test
    void thirtyTwoCharactersIsTheLimit() {
        String ok = "MACA-2017-04-ABCDEF-12-ABCDEF-12";
        assertEquals(32, ok.length());
        assertEquals(Optional.empty(), CaseReferenceGuard.problem(ok));
        assertTrue(CaseReferenceGuard.problem(ok + "3").isPresent());
    }
}
