package uk.org.quadrant.indicators.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Optional paging of the scorecard and exceptions: without page/size the whole list exactly as
 * before (the gateway sends neither); with them a slice of that list and X-Total-Count; a 400
 * naming the field for a page or size out of range.
 */
@MicronautTest(transactional = false)
class ScorecardPagingApiTest extends ApiTestBase {

    @BeforeAll
    void define() {
        // Five indicators of priority 8, every one red: a value of 20 against a target of 10, lower is better.
        for (int i = 1; i <= 5; i++) {
            String code = "SCP-" + i;
            define(indicator(code, "COUNT", "LOWER_IS_BETTER", "MONTHLY", "CSC", 8));
            api().put(manager(), INDICATORS + "/" + code + "/targets/201901", Map.of("value", 10)).expect(200);
            enter(cscUser(), code, "201901", 20, null).expect(200);
        }
    }

    private HttpResponse<List<Map<String, Object>>> get(String uri) {
        return client.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(cscUser()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private static List<Object> codes(HttpResponse<List<Map<String, Object>>> res) {
        return res.body().stream().map(r -> r.get("code")).toList();
    }

    @Test
    void theWholeListWithoutPagingAndASliceWithIt() {
        for (String path : List.of("/api/v1/scorecard?priority=8", "/api/v1/exceptions?priority=8")) {
            HttpResponse<List<Map<String, Object>>> whole = get(path);
            assertNull(whole.header("X-Total-Count"), path + ": no paging header on the whole list");
            List<Object> all = codes(whole);
            assertEquals(List.of("SCP-1", "SCP-2", "SCP-3", "SCP-4", "SCP-5"), all, path);

            HttpResponse<List<Map<String, Object>>> first = get(path + "&page=0&size=2");
            assertEquals("5", first.header("X-Total-Count"), path);
            assertEquals(all.subList(0, 2), codes(first), path);
            assertEquals(whole.body().subList(0, 2), first.body(), path + ": a page's rows are the whole list's rows");
            assertEquals(all.subList(4, 5), codes(get(path + "&page=2&size=2")), path + ": the last, short page");
            assertTrue(codes(get(path + "&page=3&size=2")).isEmpty(), path + ": past the end");
            // size alone: page 0 of the default size, which holds all five.
            HttpResponse<List<Map<String, Object>>> sized = get(path + "&size=100");
            assertEquals(all, codes(sized), path);
            assertEquals("5", sized.header("X-Total-Count"), path);
            HttpResponse<List<Map<String, Object>>> paged = get(path + "&page=0");
            assertEquals(all, codes(paged), path + ": page alone, default size 100");
        }
    }

    @Test
    void aPageOrSizeOutOfRangeIsA400NamingTheField() {
        for (String path : List.of("/api/v1/scorecard", "/api/v1/exceptions")) {
            api().get(cscUser(), path + "?page=-1").expectFieldError("page");
            api().get(cscUser(), path + "?size=0").expectFieldError("size");
            api().get(cscUser(), path + "?page=0&size=501").expectFieldError("size");
            assertFalse(api().get(cscUser(), path + "?page=0&size=500").body.isEmpty(), path);
        }
    }
}
