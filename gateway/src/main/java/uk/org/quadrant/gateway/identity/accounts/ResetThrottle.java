package uk.org.quadrant.gateway.identity.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.Usernames;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits "Forgotten your password?" requests, per replica: {@code perClient} from one client address
 * within {@code window} (more: 429, "wait", which says nothing about any account), and {@code perAccount}
 * for one username or address as typed, folded like the sign-in throttle's key, whether or not it exists
 * (more: the same "check your e-mail" page, and no e-mail, so nobody's mailbox is flooded and the answer
 * never tells). A count is forgotten {@code window} after its last request.
 */
@Singleton
class ResetThrottle {

    /** {@code quadrant.auth.reset.*}. */
    @ConfigurationProperties("quadrant.auth.reset")
    record Settings(@Bindable(defaultValue = "PT15M") Duration window,
                    @Bindable(defaultValue = "3") int perAccount,
                    @Bindable(defaultValue = "10") int perClient) {
    }

    private final Settings settings;
    private final Cache<String, AtomicInteger> counts;

    ResetThrottle(Settings settings) {
        this.settings = settings;
        this.counts = Caffeine.newBuilder().expireAfterAccess(settings.window()).maximumSize(100_000).build();
    }

    /** Counts a request from {@code client}: false if it is over the client's limit. */
    boolean clientMayAsk(@Nullable String client) {
        return count("client:" + (client == null ? "unknown" : client)) <= settings.perClient();
    }

    /** Counts a request for {@code typed}: false if it is over the account's limit (send nothing). */
    boolean accountMayBeSent(String typed) {
        String t = typed.trim();
        String key = t.contains("@") ? "email:" + t.toLowerCase(Locale.ROOT) : "account:" + Usernames.throttleKey(t);
        return count(key) <= settings.perAccount();
    }

    private int count(String key) {
        return counts.get(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
