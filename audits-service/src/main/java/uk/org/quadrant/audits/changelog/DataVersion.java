package uk.org.quadrant.audits.changelog;

import io.micronaut.cache.SyncCache;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.function.Supplier;

/**
 * The version of the data the cached read models are computed from. {@link ChangeRecorder} bumps it
 * inside every writing transaction, so a cached result is trusted only while the stored version is
 * the one it was computed at — on every replica, since the counter is in the database (the same
 * scheme as indicators-service's scorecard cache).
 */
@Singleton
public class DataVersion {

    private final JdbcOperations jdbc;
    /** The cached read models with the version each was computed at: {@code micronaut.caches.read-models}. */
    private final SyncCache<?> cache;

    private record Cached(long version, Object value) {
    }

    /**
     * One computation per key at a time: on a cold cache under load (the board's first pages after a
     * start, at region size) concurrent misses of one key wait for the first computation instead of
     * each repeating it, which at 10 partnerships made every copy outlast the gateway's timeout.
     * Striped, so the locks do not grow with the keys; two keys sharing a stripe only queue.
     */
    private final Object[] computing = new Object[64];

    {
        for (int i = 0; i < computing.length; i++) {
            computing[i] = new Object();
        }
    }

    DataVersion(JdbcOperations jdbc, @Named("read-models") SyncCache<?> cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** Call within the writing transaction. */
    public void bump() {
        jdbc.prepareStatement("UPDATE data_version SET version = version + 1 WHERE id = 1", st -> st.executeUpdate());
    }

    @Transactional(readOnly = true)
    public long current() {
        return jdbc.prepareStatement("SELECT version FROM data_version WHERE id = 1", st -> {
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }

    /**
     * The value cached under {@code key} if it was computed at the current data version, otherwise
     * {@code compute}'s, cached. The key must hold everything the value depends on besides the data
     * (who may see what, and the request's parameters). The version is read before computing, in
     * the same read-only transaction, so a write committed meanwhile makes the next reader recompute.
     */
    @SuppressWarnings("unchecked")
    @Transactional(readOnly = true)
    public <T> T cached(Object key, Supplier<T> compute) {
        long version = current();
        Cached hit = cache.get(key, Cached.class).orElse(null);
        if (hit != null && hit.version() == version) {
            return (T) hit.value();
        }
        synchronized (computing[Math.floorMod(key.hashCode(), computing.length)]) {
            // Computed meanwhile by the request this one waited for, at this version or a later one?
            hit = cache.get(key, Cached.class).orElse(null);
            if (hit != null && hit.version() >= version) {
                return (T) hit.value();
            }
            T value = compute.get();
            cache.put(key, new Cached(version, value));
            return value;
        }
    }
}
