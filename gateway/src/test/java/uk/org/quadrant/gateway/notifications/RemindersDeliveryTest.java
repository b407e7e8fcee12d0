package uk.org.quadrant.gateway.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.agency.FormsTestBase;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.notifications.preferences.Delivery;
import uk.org.quadrant.gateway.notifications.preferences.ReminderKind;
import uk.org.quadrant.gateway.notifications.preferences.ReminderPreferences;
import uk.org.quadrant.gateway.support.Browserless;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, delivery when things go wrong and people's choices: the SMTP relay is down (nothing listens
 * on its port), so a message is tried again after a minute, then after each doubled wait, and after the
 * last attempt it is failed, shown to the manager and counted; a person who takes a kind in the weekly
 * digest gets one digest instead, and one who switched a kind off gets nothing of it.
 */
@MicronautTest(transactional = false)
class RemindersDeliveryTest extends FormsTestBase {

    @Inject
    OutboxRepository outbox;
    @Inject
    OutboxSender sender;
    @Inject
    MeterRegistry metrics;
    @Inject
    ReminderPreferences preferences;
    @Inject
    UserAccountRepository users;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("quadrant.notifications.transport", "smtp");
        p.put("quadrant.notifications.smtp.host", "127.0.0.1");
        p.put("quadrant.notifications.smtp.port", Integer.toString(MailTestBase.freePort()));
        p.put("quadrant.notifications.smtp.tls", "none");
        p.put("quadrant.notifications.smtp.connect-timeout", "PT2S");
        return p;
    }

    @Test
    void aRelayThatIsDownIsTriedAgainWithBackoffThenFailedVisiblyAndCounted() {
        Instant now = Instant.now();
        OutboxMessage row = outbox.save(new OutboxMessage(null, "test|relay-down", "tvp.user", "tvp.user@example.org",
                "RETURNS_DUE", "returns-due", "TVP", "Relay down", "text", "<p>html</p>", null, "/", OutboxMessage.Status.PENDING, 0,
                now, null, null, null, null, null, now, null));
        double retriesBefore = metrics.counter("quadrant.notifications.retries").count();

        OutboxSender.Drained first = sender.drain();
        assertEquals(new OutboxSender.Drained(0, 0), first);
        OutboxMessage waiting = outbox.findById(row.id()).orElseThrow();
        assertEquals(OutboxMessage.Status.PENDING, waiting.status());
        assertEquals(1, waiting.attempts());
        assertTrue(waiting.lastError() != null && !waiting.lastError().isBlank());
        long wait = Duration.between(Instant.now(), waiting.nextAttemptAt()).toSeconds();
        assertTrue(wait > 45 && wait <= 60, "first retry after a minute: " + wait);
        assertEquals(retriesBefore + 1, metrics.counter("quadrant.notifications.retries").count());
        assertEquals(new OutboxSender.Drained(0, 0), sender.drain(), "not tried again before its time");

        // The fourth failure waits eight minutes; the fifth is the last.
        outbox.update(new OutboxMessage(waiting.id(), waiting.dedupeKey(), waiting.recipient(), waiting.toAddress(), waiting.kind(),
                waiting.template(), waiting.agencyCode(), waiting.subject(), waiting.textBody(), waiting.htmlBody(), null, "/",
                OutboxMessage.Status.PENDING, 4, Instant.now().minusSeconds(1), waiting.lastError(), null, null, null, null,
                waiting.createdAt(), null));
        double failedBefore = metrics.counter("quadrant.notifications.failed").count();
        assertEquals(new OutboxSender.Drained(0, 1), sender.drain());
        OutboxMessage failed = outbox.findById(row.id()).orElseThrow();
        assertEquals(OutboxMessage.Status.FAILED, failed.status());
        assertTrue(failed.lastError().startsWith("Gave up after 5 attempts"), failed.lastError());
        assertEquals(failedBefore + 1, metrics.counter("quadrant.notifications.failed").count());

        String page = signedIn("manager").get("/admin/outbox").body();
        assertTrue(page.contains("Relay down") && page.contains("Gave up after 5 attempts"), page);
    }

    @Test
    void aWeeklyDigestReplacesTheKindsAPersonChoseAndNothingComesOfAKindSwitchedOff() {
        RemindersByMailTest.stubOwed(indicators, actions);
        var lead = users.findByUsername("csc.lead").orElseThrow();
        preferences.save(lead, Map.of(ReminderKind.ACTIONS, Delivery.WEEKLY_DIGEST, ReminderKind.DRAFT_READY, Delivery.OFF,
                ReminderKind.RETURNS_DUE, Delivery.WEEKLY_DIGEST, ReminderKind.VALUE_RETURNED, Delivery.IMMEDIATE), "csc.lead");
        Map<String, Object> result = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/notifications/run", "")
                .header("Authorization", apiToken("manager")), Argument.mapOf(String.class, Object.class));
        List<OutboxMessage> mine = outbox.findAll().stream().filter(m -> m.recipient().equals("csc.lead")).toList();
        List<String> templates = mine.stream().map(m -> m.template() + ":" + m.status()).sorted().toList();
        assertEquals(List.of("action:DIGESTED", "action:DIGESTED", "returns-due:DIGESTED", "value-returned:PENDING",
                "weekly-digest:PENDING"), templates, result.toString());
        OutboxMessage digest = mine.stream().filter(m -> m.template().equals("weekly-digest")).findFirst().orElseThrow();
        assertTrue(digest.subject().startsWith("Your weekly Quadrant reminders: 3 things to do"), digest.subject());
        assertTrue(digest.textBody().contains("Action JTAI-3 is overdue") && digest.textBody().contains("Action CJ-2 needs a progress update")
                && digest.textBody().contains("Late: 2 values for 2017/18"), digest.textBody());
        // Its own one-click link for each kind it gathers: actions can be stopped, returns only kept in the digest.
        assertTrue(digest.textBody().contains("Stop: " + ReminderKind.ACTIONS.label() + ": http"), digest.textBody());
        assertTrue(digest.textBody().contains("Keep in the weekly digest only: " + ReminderKind.RETURNS_DUE.label() + ": http"),
                digest.textBody());
        assertTrue(digest.htmlBody().contains("/notifications/unsubscribe?t="), digest.htmlBody());
        for (OutboxMessage m : mine) {
            if (m.status() == OutboxMessage.Status.DIGESTED) {
                assertEquals(digest.id(), m.digestId());
            }
        }
    }

}
