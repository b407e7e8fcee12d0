package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Deletes session rows past {@code quadrant.auth.sessions.retention} (90 days after last seen or ended),
 * every hour on each replica: one DELETE, harmless if two replicas run it together.
 */
@Singleton
class SessionRetention {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRetention.class);

    private final SessionLedger ledger;
    private final SessionSettings settings;
    private final Clock clock = Clock.systemUTC();

    SessionRetention(SessionLedger ledger, SessionSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Scheduled(initialDelay = "5m", fixedDelay = "1h")
    void prune() {
        try {
            int deleted = ledger.prune(clock.instant().minus(settings.retention()));
            if (deleted > 0) {
                LOG.info("Deleted {} browser session record(s) older than {}", deleted, settings.retention());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not prune old browser sessions: {}", e.toString());
        }
    }
}
