package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the memory that password hashing may hold at once. Each Argon2id computation takes its
 * memory parameter (19 MiB today) of heap; unbounded, two dozen people signing in together ran a
 * 256 MiB gateway out of heap (issue 14, finding 4). Hashes take their memory from a budget of
 * {@code heap-fraction} of the maximum heap, at most {@code max-concurrent} of today's hashes; a
 * hash that does not fit waits, at most {@code queue-size} of them and each at most {@code max-wait},
 * and beyond that the request is refused with {@link HashingBusyException} (503 with
 * {@code Retry-After}), never with an out-of-memory error. Every hash goes through here: sign-in
 * (form and token API), the decoy hash of an unknown user, and passwords set by the admin pages.
 */
@Singleton
public class HashingBulkhead {

    private static final Logger LOG = LoggerFactory.getLogger(HashingBulkhead.class);

    /** {@code quadrant.auth.hashing.*}. */
    @ConfigurationProperties("quadrant.auth.hashing")
    public record Settings(@Bindable(defaultValue = "0.25") double heapFraction,
                           @Bindable(defaultValue = "8") int maxConcurrent,
                           @Bindable(defaultValue = "64") int queueSize,
                           @Bindable(defaultValue = "PT5S") Duration maxWait) {
    }

    private final Semaphore budget;
    private final int budgetKib;
    private final int queueSize;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();

    @Inject
    HashingBulkhead(Settings settings) {
        this(settings, Runtime.getRuntime().maxMemory());
    }

    HashingBulkhead(Settings settings, long maxHeapBytes) {
        long byHeap = (long) (maxHeapBytes / 1024 * Math.max(0, Math.min(1, settings.heapFraction())));
        long cap = (long) Math.max(1, settings.maxConcurrent()) * PasswordHasher.MEMORY_KIB;
        // Never less than one of today's hashes, or no one could sign in at all.
        this.budgetKib = (int) Math.max(PasswordHasher.MEMORY_KIB, Math.min(byHeap, cap));
        this.budget = new Semaphore(budgetKib, true);
        this.queueSize = Math.max(0, settings.queueSize());
        this.maxWait = settings.maxWait();
        LOG.info("Password hashing: at most {} at once ({} MiB of a {} MiB heap), {} waiting at most {}",
                budgetKib / PasswordHasher.MEMORY_KIB, budgetKib / 1024, maxHeapBytes / (1024 * 1024), queueSize, maxWait);
    }

    /** How many of today's hashes run at once. */
    public int concurrentHashes() {
        return budgetKib / PasswordHasher.MEMORY_KIB;
    }

    /** Runs {@code work}, which needs {@code memoryKib} of heap, once the budget has room for it. */
    public <T> T run(int memoryKib, Supplier<T> work) {
        int units = Math.max(1, Math.min(memoryKib, budgetKib));
        if (!budget.tryAcquire(units)) {
            if (waiting.incrementAndGet() > queueSize) {
                waiting.decrementAndGet();
                throw new HashingBusyException(retryAfter());
            }
            try {
                if (!budget.tryAcquire(units, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new HashingBusyException(retryAfter());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HashingBusyException(retryAfter());
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return work.get();
        } finally {
            budget.release(units);
        }
    }

    private Duration retryAfter() {
        return Duration.ofSeconds(Math.max(1, Math.min(10, maxWait.toSeconds())));
    }
}
