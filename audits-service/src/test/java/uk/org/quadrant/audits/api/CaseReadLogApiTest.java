package uk.org.quadrant.audits.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.audits.readlog.CaseReadLog;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read log of case-level data (issue 8, audit trail): every read of an audit's graded cases is
 * recorded with who, agency, when, the audit and the case ids returned; never the case reference,
 * a grade or a summary; only the board manager can query it, by time and user, a page at a time;
 * nothing can change or remove an entry.
 */
@MicronautTest(transactional = false)
class CaseReadLogApiTest extends ApiTestBase {

    static final String READ_LOG = "/api/v1/read-log";
    static final String SECRET_SUMMARY = "Read-log secret: the child disclosed at school";
    static final String SECRET_REF = "RL-2051-77";
    static final String DB = "jdbc:h2:mem:audits-read-log;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
            + "NON_KEYWORDS=VALUE,YEAR;DB_CLOSE_DELAY=-1";

    private long auditId;
    private final List<Long> caseIds = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(super.getProperties());
        p.put("datasources.default.url", DB); // a database of its own: the counts below are exact
        // An H2 database of its own even in the MariaDB run (-Pmysql sets the MariaDB driver and user).
        p.put("datasources.default.driver-class-name", "org.h2.Driver");
        p.put("datasources.default.username", "sa");
        p.put("datasources.default.password", "");
        return p;
    }

    @BeforeAll
    void seed() {
        auditId = multiAgencyAudit("Read-log audit", "CSC", List.of("TVP"), "2051-01-01", "2051-03-31");
        Map<String, Object> first = caseBody(SECRET_REF, "INADEQUATE", "CSC");
        first.put("summary", SECRET_SUMMARY);
        caseIds.add(api().post(cscUser(), cases(auditId), first).expect(201).id());
        caseIds.add(recordCase(tvpUser(), auditId, "RL-2051-78", "REQUIRES_IMPROVEMENT", "TVP").expect(201).id());
    }

    private List<Map<String, Object>> entries(String query) {
        Map<String, Object> page = api().get(manager(), READ_LOG + query).expect(200).map();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items;
    }

    @Test
    void theChangeLogNamesTheCaseButWithholdsItsSummary() {
        String log = api().get(manager(), "/api/v1/change-log?entityType=case&limit=500").expect(200).list().toString();
        assertTrue(log.contains("[summary withheld: " + SECRET_SUMMARY.length() + " characters]"), log);
        assertTrue(!log.contains(SECRET_SUMMARY), "the summary's words are never in the audit trail");
    }

    @Test
    void everyReadOfCasesIsRecordedWithWhoAgencyWhenAuditAndCaseIds() {
        Instant before = Instant.now().minusSeconds(1);
        String reader = tokens.agencyUser("rl.reader", "TVP", "AGENCY_CONTRIBUTOR");
        List<Map<String, Object>> read = api().get(reader, cases(auditId)).expect(200).list();
        assertEquals(2, read.size(), "TVP takes part: it reads both cases");

        List<Map<String, Object>> entries = entries("?user=rl.reader");
        assertEquals(1, entries.size(), entries.toString());
        Map<String, Object> entry = entries.get(0);
        assertEquals("rl.reader", entry.get("readBy"));
        assertEquals("TVP", entry.get("readByAgency"));
        assertEquals(auditId, ((Number) entry.get("auditId")).longValue());
        assertEquals("GET /api/v1/audits/" + auditId + "/cases", entry.get("route"));
        assertEquals(2, ((Number) entry.get("caseCount")).intValue());
        assertEquals(caseIds.get(0) + "," + caseIds.get(1), entry.get("caseIds"));
        Instant at = Instant.parse(entry.get("readAt").toString());
        assertTrue(!at.isBefore(before) && !at.isAfter(Instant.now().plusSeconds(1)), "when: " + at);

        api().get(manager(), cases(auditId)).expect(200);
        Map<String, Object> board = entries("?user=manager").get(0);
        assertNull(board.get("readByAgency"), "a board reader has no agency");
    }

    @Test
    void aRefusedReadReturnsNoCasesAndRecordsNone() {
        String outsider = tokens.agencyUser("rl.outsider", "OH", "AGENCY_CONTRIBUTOR");
        api().get(outsider, cases(auditId)).expect(404);
        assertTrue(entries("?user=rl.outsider").isEmpty());
    }

    @Test
    void nothingSensitiveIsStored() throws SQLException {
        api().get(cscUser(), cases(auditId)).expect(200);
        String everything = api().get(manager(), READ_LOG + "?size=500").expect(200).body;
        StringBuilder stored = new StringBuilder();
        try (Connection c = DriverManager.getConnection(DB, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM case_read_log")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    stored.append(rs.getString(i)).append('|');
                }
                stored.append('\n');
            }
        }
        assertFalse(stored.isEmpty());
        for (String secret : List.of(SECRET_SUMMARY, SECRET_REF, "INADEQUATE", "REQUIRES_IMPROVEMENT", "RL-2051-78")) {
            assertFalse(stored.toString().contains(secret), "stored: " + secret + "\n" + stored);
            assertFalse(everything.contains(secret), "served: " + secret);
        }
    }

    @Test
    void onlyTheBoardManagerQueriesIt() {
        for (String token : List.of(chair(), cscLead(), cscUser(), tvpLead(), tvpUser())) {
            api().get(token, READ_LOG).expect(403);
        }
        api().get(null, READ_LOG).expect(401);
        api().get(manager(), READ_LOG).expect(200);
    }

    @Test
    void itIsPagedNewestFirstAndFilteredByTime() {
        String pager = tokens.agencyUser("rl.pager", "CSC", "AGENCY_CONTRIBUTOR");
        for (int i = 0; i < 5; i++) {
            api().get(pager, cases(auditId)).expect(200);
        }
        Map<String, Object> first = api().get(manager(), READ_LOG + "?user=rl.pager&size=2").expect(200).map();
        assertEquals(5, ((Number) first.get("totalItems")).intValue());
        assertEquals(3, ((Number) first.get("totalPages")).intValue());
        List<Map<String, Object>> firstItems = entries("?user=rl.pager&size=2&page=0");
        List<Map<String, Object>> last = entries("?user=rl.pager&size=2&page=2");
        assertEquals(2, firstItems.size());
        assertEquals(1, last.size());
        long newest = ((Number) firstItems.get(0).get("id")).longValue();
        long next = ((Number) firstItems.get(1).get("id")).longValue();
        assertTrue(newest > next, "newest first");
        assertTrue(((Number) last.get(0).get("id")).longValue() < next);

        Instant later = Instant.now().plusSeconds(3600);
        assertTrue(entries("?user=rl.pager&from=" + later).isEmpty(), "nothing read in the future");
        assertEquals(5, entries("?user=rl.pager&from=" + Instant.now().minusSeconds(3600) + "&to=" + later).size());
        assertTrue(entries("?user=rl.pager&to=" + Instant.now().minusSeconds(3600)).isEmpty());
        api().get(manager(), READ_LOG + "?from=" + later + "&to=" + Instant.now()).expectFieldError("to");
        api().get(manager(), READ_LOG + "?size=501").expectFieldError("size");
    }

    @Test
    void entriesCannotBeChangedOrRemoved() {
        api().get(cscUser(), cases(auditId)).expect(200);
        String before = api().get(manager(), READ_LOG + "?size=500").expect(200).body;
        long id = ((Number) entries("").get(0).get("id")).longValue();
        for (String method : List.of("POST", "PUT", "DELETE")) {
            for (String path : List.of(READ_LOG, READ_LOG + "/" + id)) {
                int status = api().send(method, path, method.equals("DELETE") ? null : Map.of("readBy", "someone"), manager()).status;
                assertTrue(status == 404 || status == 405, method + " " + path + " -> " + status);
            }
        }
        assertEquals(before, api().get(manager(), READ_LOG + "?size=500").expect(200).body, "unchanged");
        // And in the code: the repository can insert and query, never update or delete.
        assertFalse(io.micronaut.data.repository.CrudRepository.class.isAssignableFrom(CaseReadLog.class));
        List<String> names = Arrays.stream(CaseReadLog.class.getMethods()).map(Method::getName).toList();
        assertTrue(names.stream().noneMatch(n -> n.startsWith("update") || n.startsWith("delete") || n.startsWith("remove")), names.toString());
    }
}
