package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.gateway.identity.tokens.SessionSettings;

import java.time.Clock;

/**
 * Deletes invitation and reset links that expired longer ago than the sessions' retention (90 days): a
 * used or expired link is useless, and the row says only that one was sent. Hourly, one idempotent DELETE.
 */
@Singleton
class AccountLinkRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLinkRetention.class);

    private final AccountLinks links;
    private final SessionSettings settings;
    private final Clock clock = Clock.systemUTC();

    AccountLinkRetention(AccountLinks links, SessionSettings settings) {
        this.links = links;
        this.settings = settings;
    }

    @Scheduled(initialDelay = "7m", fixedDelay = "1h")
    void prune() {
        try {
            int deleted = links.prune(clock.instant().minus(settings.retention()));
            if (deleted > 0) {
                LOG.info("Deleted {} expired invitation or reset link record(s)", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not prune old account links: {}", e.toString());
        }
    }
}
