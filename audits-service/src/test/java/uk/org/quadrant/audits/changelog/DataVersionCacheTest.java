package uk.org.quadrant.audits.changelog;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cache of read models behind theme analysis and grades: one computation per key and version. */
@MicronautTest
class DataVersionCacheTest {

    @Inject
    DataVersion dataVersion;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void concurrentMissesOfOneKeyComputeOnceAndAllGetTheResult() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return dataVersion.cached("single-flight-key", () -> {
                        computations.incrementAndGet();
                        sleep(300);
                        return "the analysis";
                    });
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertEquals("the analysis", answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, computations.get(), "six simultaneous misses, one computation");
    }

    @Test
    void aWriteMakesTheNextReaderComputeAgain() {
        AtomicInteger computations = new AtomicInteger();
        dataVersion.cached("versioned-key", computations::incrementAndGet);
        dataVersion.cached("versioned-key", computations::incrementAndGet);
        assertEquals(1, computations.get(), "a hit while nothing changed");
        transactions.executeWrite(status -> {
            dataVersion.bump();
            return null;
        });
        assertEquals(2, (int) dataVersion.cached("versioned-key", computations::incrementAndGet), "computed again after a write");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
