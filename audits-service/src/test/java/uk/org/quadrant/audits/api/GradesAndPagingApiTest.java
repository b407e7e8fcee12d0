package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grades across audits (now read with one query for all the audits' cases instead of two queries
 * per audit) give the same conclusions as per audit; and the optional paging of the audit and
 * finding lists: no parameters, the whole list as before; {@code page}/{@code size}, a slice and
 * {@code X-Total-Count}; out-of-range values, 400.
 */
@MicronautTest
class GradesAndPagingApiTest extends ApiTestBase {

    private static final String YEAR = "from=2061-01-01&to=2061-12-31";

    @Test
    void gradesAcrossAuditsSummariseEveryVisibleCaseAuditOnce() {
        Api api = api();
        long a1 = multiAgencyAudit("Grades one", "CSC", List.of("TVP"), "2061-01-01", "2061-06-30");
        recordCase(manager(), a1, "G-01", "GOOD", "JOINT").expect(201);        // joint conclusion wins
        recordCase(manager(), a1, "G-01", "INADEQUATE", "CSC").expect(201);
        recordCase(manager(), a1, "G-02", "REQUIRES_IMPROVEMENT", "CSC").expect(201); // lead agency's view wins
        recordCase(manager(), a1, "G-02", "OUTSTANDING", "TVP").expect(201);
        recordCase(manager(), a1, "G-03", "INADEQUATE", "TVP").expect(201);  // the only view
        Map<String, Object> early = auditBody("MULTI_AGENCY_CASE_AUDIT", "Grades two", "TVP", List.of(), "2061-03-01", "2061-09-30");
        early.put("gradingScale", "EARLY_HELP");
        long a2 = createAudit(manager(), early);
        recordCase(manager(), a2, "E-01", "EFFECTIVE", "TVP").expect(201);
        recordCase(manager(), a2, "E-02", "INEFFECTIVE", "TVP").expect(201);
        multiAgencyAudit("Grades three, no cases yet", "CSC", List.of(), "2061-01-01", "2061-12-31");
        long a4 = multiAgencyAudit("Grades four", "OH", List.of(), "2061-02-01", "2061-02-28");
        recordCase(manager(), a4, "O-01", "OUTSTANDING", "OH").expect(201);
        long elsewhere = multiAgencyAudit("Another year", "CSC", List.of(), "2062-01-01", "2062-12-31");
        recordCase(manager(), elsewhere, "X-01", "INADEQUATE", "CSC").expect(201);

        List<Map<String, Object>> board = api.get(chair(), "/api/v1/grades?" + YEAR).expect(200).list();
        assertEquals(2, board.size(), board.toString());
        Map<String, Object> ofsted = Api.find(board, "gradingScale", "OFSTED");
        assertEquals(2, ofsted.get("audits"));
        assertEquals(4, ofsted.get("cases"));
        Map<String, Integer> dist = Api.ints(ofsted.get("distribution"));
        assertEquals(1, dist.get("OUTSTANDING"));
        assertEquals(1, dist.get("GOOD"));
        assertEquals(1, dist.get("REQUIRES_IMPROVEMENT"));
        assertEquals(1, dist.get("INADEQUATE"));
        assertEquals(List.of(a1, a4), longs(ofsted.get("auditIds")));
        Map<String, Object> eh = Api.find(board, "gradingScale", "EARLY_HELP");
        assertEquals(1, eh.get("audits"));
        assertEquals(2, eh.get("cases"));
        assertEquals(1, Api.ints(eh.get("distribution")).get("EFFECTIVE"));
        assertEquals(1, Api.ints(eh.get("distribution")).get("INEFFECTIVE"));

        // Each audit's own grades agree with its share of the summary.
        assertEquals(3, api.get(chair(), grades(a1)).expect(200).map().get("cases"));

        // An agency sees only the audits it takes part in: TVP a1 and a2, not OH's a4.
        List<Map<String, Object>> tvp = api.get(tvpUser(), "/api/v1/grades?" + YEAR).expect(200).list();
        Map<String, Object> tvpOfsted = Api.find(tvp, "gradingScale", "OFSTED");
        assertEquals(1, tvpOfsted.get("audits"));
        assertEquals(3, tvpOfsted.get("cases"));
        assertEquals(List.of(a1), longs(tvpOfsted.get("auditIds")));
        assertEquals(2, Api.find(tvp, "gradingScale", "EARLY_HELP").get("cases"));
    }

    @Test
    void auditListIsWholeWithoutPagingAndSlicedWithIt() {
        for (int i = 0; i < 5; i++) {
            multiAgencyAudit("Paged " + i, "CSC", List.of(), "2063-01-0" + (i + 1), "2063-02-0" + (i + 1));
        }
        HttpResponse<String> whole = raw(AUDITS, manager());
        assertNull(whole.header("X-Total-Count"), "no paging asked, none done");
        List<Map<String, Object>> all = api().get(manager(), AUDITS).expect(200).list();
        assertTrue(all.size() >= 5);

        HttpResponse<String> first = raw(AUDITS + "?page=0&size=2", manager());
        assertEquals(Integer.toString(all.size()), first.header("X-Total-Count"));
        assertEquals(ids(all.subList(0, 2)), ids(api().get(manager(), AUDITS + "?page=0&size=2").expect(200).list()));
        assertEquals(ids(all.subList(2, 4)), ids(api().get(manager(), AUDITS + "?page=1&size=2").expect(200).list()));
        assertEquals(ids(all.subList(0, 3)), ids(api().get(manager(), AUDITS + "?size=3").expect(200).list()), "page defaults to 0");
        assertEquals(List.of(), api().get(manager(), AUDITS + "?page=1000&size=2").expect(200).list(), "past the end: empty");

        api().get(manager(), AUDITS + "?size=0").expect(400);
        api().get(manager(), AUDITS + "?size=501").expect(400);
        api().get(manager(), AUDITS + "?page=-1").expect(400);

        // Paging applies after visibility: an agency's total counts only what it sees.
        List<Map<String, Object>> tvpAll = api().get(tvpUser(), AUDITS).expect(200).list();
        assertEquals(Integer.toString(tvpAll.size()), raw(AUDITS + "?page=0&size=1", tvpUser()).header("X-Total-Count"));
    }

    @Test
    void findingListPages() {
        long id = multiAgencyAudit("Findings paged", "CSC", List.of(), "2064-01-01", "2064-12-31");
        for (int i = 0; i < 3; i++) {
            recordFinding(manager(), id, "STRENGTH", "Finding " + i, List.of("NEGLECT")).expect(201);
        }
        List<Map<String, Object>> all = api().get(manager(), findings(id)).expect(200).list();
        assertEquals(3, all.size());
        List<Map<String, Object>> second = api().get(manager(), findings(id) + "?page=1&size=2").expect(200).list();
        assertEquals(ids(all.subList(2, 3)), ids(second));
        assertEquals("3", raw(findings(id) + "?page=1&size=2", manager()).header("X-Total-Count"));
        api().get(manager(), findings(id) + "?size=9999").expect(400);
    }

    /** Theme analysis and grades across audits are cached per data version: every write shows at once. */
    @Test
    void cachedSummariesFollowEveryWrite() {
        Api api = api();
        String year = "?from=2065-01-01&to=2065-12-31";
        long id = multiAgencyAudit("Cache", "CSC", List.of("TVP"), "2065-01-01", "2065-06-30");
        recordCase(manager(), id, "K-01", "GOOD", "CSC").expect(201);
        assertEquals(1, Api.find(api.get(chair(), "/api/v1/grades" + year).expect(200).list(), "gradingScale", "OFSTED").get("cases"));
        recordCase(manager(), id, "K-02", "INADEQUATE", "CSC").expect(201);
        assertEquals(2, Api.find(api.get(chair(), "/api/v1/grades" + year).expect(200).list(), "gradingScale", "OFSTED").get("cases"),
                "a new case shows in the next summary");
        assertEquals(2, Api.find(api.get(tvpUser(), "/api/v1/grades" + year).expect(200).list(), "gradingScale", "OFSTED").get("cases"),
                "TVP takes part: its own cached entry agrees");
        assertEquals(List.of(), api.get(ohUser(), "/api/v1/grades" + year).expect(200).list(), "OH does not take part");

        String analysis = ANALYSIS + year + "&minSources=1";
        recordFinding(manager(), id, "CONCERN", "Housing not considered", List.of("HOUSING")).expect(201);
        Map<String, Object> housing = Api.find(api.get(chair(), analysis).expect(200).list(), "theme", "HOUSING");
        assertEquals(1, housing.get("findings"));
        assertEquals(List.of(), api.get(ohUser(), analysis).expect(200).list(), "another agency's cache entry is its own");
        recordFinding(manager(), id, "LEARNING_POINT", "Housing again", List.of("HOUSING")).expect(201);
        assertEquals(2, Api.find(api.get(chair(), analysis).expect(200).list(), "theme", "HOUSING").get("findings"),
                "a new finding shows in the next analysis");
        api.put(manager(), THEMES + "/HOUSING", Api.body("label", "Housing and homelessness")).expect(200);
        assertEquals("Housing and homelessness", Api.find(api.get(chair(), analysis).expect(200).list(), "theme", "HOUSING").get("label"),
                "a relabelled theme shows in the next analysis");
        api.put(manager(), THEMES + "/HOUSING", Api.body("label", "Housing")).expect(200);
    }

    private HttpResponse<String> raw(String uri, String token) {
        return client.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), String.class);
    }

    private static List<Long> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    }

    private static List<Long> longs(Object list) {
        return ((List<?>) list).stream().map(o -> ((Number) o).longValue()).toList();
    }
}
