package uk.org.quadrant.audits;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.support.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two managers adding the same theme at the same moment: one wins, the other is told it already
 * exists (409), whichever check catches it — the service's own or the database's unique key — and
 * never a 500.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentCreateTest implements TestPropertyProvider {

    private final TestTokens tokens = new TestTokens();
    private final AtomicInteger round = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return tokens.properties();
    }

    @AfterAll
    void stopJwks() {
        tokens.close();
    }

    @RepeatedTest(3)
    void simultaneousCreatesOfOneThemeLetExactlyOneWin() throws Exception {
        String code = "RACE_THEME_" + round.incrementAndGet();
        String token = tokens.board("manager", "BOARD_MANAGER");
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/themes",
                                Map.of("code", code, "label", "Race theme")).bearerAuth(token)).code();
                    } catch (HttpClientResponseException e) {
                        return e.getStatus().getCode();
                    }
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s >= 200 && s < 300).count(), "one winner: " + statuses);
            assertTrue(statuses.stream().allMatch(s -> (s >= 200 && s < 300) || s == 409), "the others are 409, never 500: " + statuses);
        } finally {
            pool.shutdownNow();
        }
    }
}
