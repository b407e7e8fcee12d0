package uk.org.quadrant.audits.api;

import uk.org.quadrant.common.testing.api.Api;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.audits.domain.AuditStatus;
import uk.org.quadrant.audits.domain.AuditType;
import uk.org.quadrant.audits.reviews.Audit;
import uk.org.quadrant.audits.reviews.AuditAccess;
import uk.org.quadrant.audits.reviews.AuditRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The audit visibility rule now runs in SQL ({@code AuditRepository.VISIBLE}: the audit list, its
 * pages and count, the theme analysis and evidence, grades across audits). Agency codes chosen to
 * trip a substring match: TV is a prefix of TVP, VP a suffix, TVPX an extension; T_P would match TVP
 * if the code were used as a LIKE pattern; an agency appears first, in the middle, last, or only as
 * lead. Each caller's list must be exactly what the Java rule ({@link AuditAccess#visible}) picks from
 * all audits, newest period first (ties: highest id first), and its pages must tile that list.
 */
@MicronautTest
class AuditVisibilitySqlTest extends ApiTestBase {

    private static final String YEAR = "?from=2071-01-01&to=2071-12-31";
    private static final List<String> AGENCIES = List.of("CSC", "TVP", "TV", "VP", "TVPX", "OH", "T_P");

    @Inject
    AuditRepository repository;

    /** Audit id by its short name (r1…r9). */
    private final Map<String, Long> ids = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(super.getProperties());
        p.put("quadrant.agencies", String.join(",", AGENCIES) + ",BOARD");
        return p;
    }

    @BeforeAll
    void fixture() {
        // Through the API (the lead is always the first participant) ...
        ids.put("r1", multiAgencyAudit("r1", "CSC", List.of("TVP"), "2071-01-01", "2071-06-30"));          // TVP last
        ids.put("r2", multiAgencyAudit("r2", "CSC", List.of("TVPX", "OH"), "2071-01-01", "2071-06-30"));   // same end as r1
        ids.put("r3", multiAgencyAudit("r3", "TV", List.of(), "2071-02-01", "2071-03-31"));                // TV alone
        ids.put("r4", multiAgencyAudit("r4", "OH", List.of("VP", "CSC"), "2071-03-01", "2071-09-30"));     // VP in the middle
        ids.put("r5", multiAgencyAudit("r5", "TVP", List.of(), "2071-04-01", "2071-04-30"));               // TVP alone
        ids.put("r6", multiAgencyAudit("r6", "CSC", List.of("TVP", "OH"), "2071-01-01", "2071-12-31"));    // TVP in the middle
        // ... and rows the API never writes but the rule must still read right.
        ids.put("r7", saved("r7", "CSC", "TVP,CSC", "2071-05-01", "2071-06-30"));    // TVP first, not lead
        ids.put("r8", saved("r8", "TV", "CSC", "2071-05-01", "2071-08-31"));         // TV the lead only, not in the list
        ids.put("r9", saved("r9", "OH", "CSC,,VP", "2071-07-01", "2071-10-31"));     // an empty element
        for (String name : ids.keySet()) {
            recordFinding(manager(), ids.get(name), "CONCERN", "Housing in " + name, List.of("HOUSING")).expect(201);
            recordCase(manager(), ids.get(name), "V-" + name.toUpperCase(), "GOOD", "JOINT").expect(201);
        }
    }

    private long saved(String title, String lead, String participating, String start, String end) {
        return repository.save(new Audit(null, AuditType.MULTI_AGENCY_CASE_AUDIT, title, lead, participating,
                LocalDate.parse(start), LocalDate.parse(end), null, null, null, null, AuditStatus.PLANNED, null, null,
                "OFSTED", null, "test", "test", Instant.now(), null)).id();
    }

    private String token(String agency) {
        return tokens.agencyUser(agency.toLowerCase() + ".user", agency, "AGENCY_CONTRIBUTOR");
    }

    @Test
    void eachAgencySeesExactlyTheAuditsItLeadsOrTakesPartIn() {
        Map<String, Set<String>> expected = Map.of(
                "TVP", Set.of("r1", "r5", "r6", "r7"),
                "TV", Set.of("r3", "r8"),
                "VP", Set.of("r4", "r9"),
                "TVPX", Set.of("r2"),
                "CSC", Set.of("r1", "r2", "r4", "r6", "r7", "r8", "r9"),
                "OH", Set.of("r2", "r4", "r6", "r9"),
                "T_P", Set.of());
        for (String agency : AGENCIES) {
            List<Map<String, Object>> seen = api().get(token(agency), AUDITS).expect(200).list();
            assertEquals(expected.get(agency), Set.copyOf(titles(seen)), agency);
            assertEquals(javaRule(new Caller(agency + ".user", agency, Set.of(Caller.CONTRIBUTOR))), ids(seen), agency);
        }
    }

    @Test
    void theBoardSeesEveryAuditNewestPeriodFirstTiesByHighestId() {
        List<Long> all = javaRule(new Caller("chair", "", Set.of(Caller.CHAIR)));
        assertEquals(9, all.size());
        assertEquals(all, ids(api().get(chair(), AUDITS).expect(200).list()));
        assertEquals(all, ids(api().get(manager(), AUDITS).expect(200).list()));
        int r1 = all.indexOf(ids.get("r1"));
        assertEquals(ids.get("r2"), all.get(r1 - 1), "same period end: the higher id first");
    }

    @Test
    void aCallerWithoutAnAgencyWhoIsNotTheBoardSeesNothingNotEvenAnEmptyElement() {
        String noAgency = tokens.board("nobody", Caller.CONTRIBUTOR);   // no agency claim, not a board role
        assertEquals(List.of(), api().get(noAgency, AUDITS).expect(200).list());
        assertEquals("0", header(AUDITS + "?page=0&size=5", noAgency));
        assertEquals(List.of(), api().get(noAgency, ANALYSIS + YEAR + "&minSources=1").expect(200).list());
    }

    @Test
    void pagesTileTheWholeListForEveryCaller() {
        List<String> callers = new ArrayList<>();
        AGENCIES.forEach(a -> callers.add(token(a)));
        callers.add(chair());
        for (String token : callers) {
            List<Long> whole = ids(api().get(token, AUDITS).expect(200).list());
            for (int size : new int[] {1, 2, 3, 4, 9, 10, 500}) {
                List<Long> tiled = new ArrayList<>();
                int pages = (whole.size() + size - 1) / size;
                for (int page = 0; page < pages; page++) {
                    String uri = AUDITS + "?page=" + page + "&size=" + size;
                    List<Long> slice = ids(api().get(token, uri).expect(200).list());
                    assertEquals(Math.min(size, whole.size() - page * size), slice.size(), uri);
                    assertEquals(Integer.toString(whole.size()), header(uri, token), uri);
                    tiled.addAll(slice);
                }
                assertEquals(whole, tiled, "size " + size);
                String past = AUDITS + "?page=" + pages + "&size=" + size;
                assertEquals(List.of(), api().get(token, past).expect(200).list(), past);
                assertEquals(Integer.toString(whole.size()), header(past, token), "past the end still counts: " + past);
            }
            // page beyond any int product: empty, not an error
            assertEquals(List.of(), api().get(token, AUDITS + "?page=2147483647&size=500").expect(200).list());
        }
    }

    @Test
    void theThemeAnalysisEvidenceAndGradesUseTheSameRule() {
        Map<String, Integer> counts = Map.of("TVP", 4, "TV", 2, "VP", 2, "TVPX", 1, "CSC", 7, "OH", 4);
        for (String agency : AGENCIES) {
            String token = token(agency);
            List<Map<String, Object>> analysis = api().get(token, ANALYSIS + YEAR + "&minSources=1").expect(200).list();
            List<Map<String, Object>> evidence = api().get(token, "/api/v1/themes/evidence" + YEAR + "&theme=HOUSING")
                    .expect(200).list();
            List<Map<String, Object>> grades = api().get(token, "/api/v1/grades" + YEAR).expect(200).list();
            if (!counts.containsKey(agency)) {
                assertEquals(List.of(), analysis, agency);
                assertEquals(List.of(), evidence, agency);
                assertEquals(List.of(), grades, agency);
                continue;
            }
            int n = counts.get(agency);
            Map<String, Object> housing = Api.find(analysis, "theme", "HOUSING");
            assertEquals(n, housing.get("findings"), agency);
            assertEquals(n, housing.get("sources"), agency);
            assertEquals(n, Api.find(evidence, "theme", "HOUSING").get("findings"), agency);
            assertEquals(n, Api.find(grades, "gradingScale", "OFSTED").get("cases"), agency);
        }
        assertEquals(9, Api.find(api().get(chair(), ANALYSIS + YEAR + "&minSources=1").expect(200).list(), "theme", "HOUSING")
                .get("findings"));
    }

    /** The Java rule over every audit, in the list's order: the oracle the SQL must agree with. */
    private List<Long> javaRule(Caller caller) {
        return StreamSupport.stream(repository.findAll().spliterator(), false)
                .filter(a -> AuditAccess.visible(caller, a))
                .sorted(Comparator.comparing(Audit::periodEnd).thenComparing(Audit::id).reversed())
                .map(Audit::id)
                .toList();
    }

    @Test
    void recentAuditsAreTheVisibleOnesNewestChangeFirstFilteredAndLimitedInSql() {
        List<String> callers = new ArrayList<>();
        AGENCIES.forEach(a -> callers.add(token(a)));
        callers.add(chair());
        String recent = AUDITS + "/recent?from=2071-01-01&to=2071-12-31";
        for (String token : callers) {
            List<Map<String, Object>> visible = api().get(token, AUDITS).expect(200).list().stream()
                    .filter(a -> String.valueOf(a.get("periodEnd")).startsWith("2071")).toList();
            List<Long> newestChangeFirst = ids(visible.stream().sorted(Comparator
                    .comparing((Map<String, Object> a) -> Instant.parse(String.valueOf(a.get("updatedAt"))))
                    .thenComparing(a -> ((Number) a.get("id")).longValue()).reversed()).toList());
            assertEquals(newestChangeFirst, ids(api().get(token, recent + "&limit=50").expect(200).list()));
            assertEquals(newestChangeFirst.subList(0, Math.min(2, newestChangeFirst.size())),
                    ids(api().get(token, recent + "&limit=2").expect(200).list()), "the limit keeps the newest");
            for (String involving : AGENCIES) {
                List<Long> expected = ids(visible.stream().filter(a -> involving.equals(a.get("leadAgency"))
                                || ((List<?>) a.get("participatingAgencies")).contains(involving))
                        .sorted(Comparator.comparing((Map<String, Object> a) -> Instant.parse(String.valueOf(a.get("updatedAt"))))
                                .thenComparing(a -> ((Number) a.get("id")).longValue()).reversed()).toList());
                assertEquals(expected, ids(api().get(token, recent + "&limit=50&agency=" + involving).expect(200).list()),
                        "involving " + involving);
            }
        }
        // The period filter: r3 (February-March 2071) overlaps March, r5 (April) does not.
        List<Long> march = ids(api().get(chair(), AUDITS + "/recent?from=2071-03-15&to=2071-03-20&limit=50").expect(200).list());
        assertEquals(true, march.contains(ids.get("r3")) && !march.contains(ids.get("r5")), march.toString());
        // Five by default.
        assertEquals(5, api().get(chair(), AUDITS + "/recent").expect(200).list().size());
        api().get(chair(), AUDITS + "/recent?agency=NOPE").expectFieldError("agency");
        api().get(chair(), AUDITS + "/recent?from=2071-02-01&to=2071-01-01").expectFieldError("from");
        api().get(chair(), AUDITS + "/recent?limit=0").expectFieldError("limit");
        api().get(chair(), AUDITS + "/recent?limit=51").expectFieldError("limit");
    }

    private String header(String uri, String token) {
        HttpResponse<String> res = client.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token), String.class);
        return res.header("X-Total-Count");
    }

    private static List<Long> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    }

    private static List<String> titles(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("title")).toList();
    }

    @Test
    void withoutPagingThereIsNoTotalHeader() {
        HttpResponse<String> res = client.toBlocking().exchange(HttpRequest.GET(AUDITS).bearerAuth(token("TVP")), String.class);
        assertNull(res.header("X-Total-Count"));
    }
}
