package uk.org.quadrant.gateway.notifications;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.org.quadrant.gateway.support.Browserless;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, "at most once": two gateways on one database (H2 here, MariaDB in CI's second pass) and one
 * real SMTP server. Both run the rules at the same moment, both drain the outbox at the same moment,
 * and a message whose gateway stopped mid-send is never sent again: each reminder arrives once.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemindersOnTwoGatewaysTest extends MailTestBase {

    private EmbeddedServer other;
    private HttpClient otherClient;

    @Inject
    OutboxRepository outbox;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("quadrant.notifications.transport", "smtp");
        return p;
    }

    @BeforeAll
    void startSecondGateway() {
        Map<String, Object> props = new HashMap<>(getProperties());
        props.put("flyway.datasources.default.enabled", false);   // the first gateway made the schema
        props.put("quadrant.demo-data.enabled", false);
        other = ApplicationContext.run(EmbeddedServer.class, props, "test");
        otherClient = HttpClient.create(other.getURL());
    }

    @AfterAll
    void stopSecondGateway() {
        otherClient.close();
        other.close();
    }

    @Test
    @Order(1)
    void twoGatewaysRunningTheRulesAtOnceSendEachReminderOnce() throws Exception {
        RemindersByMailTest.stubOwed(indicators, actions);
        String bearer = apiToken("manager");
        List<Callable<Map<String, Object>>> runs = List.of(
                () -> http.toBlocking().retrieve(HttpRequest.POST("/api/v1/notifications/run", "").header("Authorization", bearer),
                        Argument.mapOf(String.class, Object.class)),
                () -> otherClient.toBlocking().retrieve(HttpRequest.POST("/api/v1/notifications/run", "").header("Authorization", bearer),
                        Argument.mapOf(String.class, Object.class)));
        List<Map<String, Object>> results = all(runs);
        int queued = 0;
        int sent = 0;
        for (Map<String, Object> r : results) {
            queued += ((Number) r.get("queued")).intValue();
            sent += ((Number) r.get("sent")).intValue();
        }
        assertEquals(12, queued, results.toString());
        assertEquals(12, sent, results.toString());
        assertEquals(12, smtp.getReceivedMessages().length);
        Set<String> seen = new HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String key = m.getRecipients(Message.RecipientType.TO)[0] + " " + m.getSubject();
            assertTrue(seen.add(key), "sent twice: " + key);
        }
        for (Map<String, Object> r : all(runs)) {
            assertEquals(0, ((Number) r.get("queued")).intValue(), "a second run on either gateway queues nothing: " + r);
        }
        assertEquals(12, smtp.getReceivedMessages().length);
    }

    @Test
    @Order(2)
    void twoGatewaysDrainingAtOnceSendEachMessageOnce() throws Exception {
        int before = smtp.getReceivedMessages().length;
        Instant now = Instant.now();
        for (int i = 0; i < 40; i++) {
            outbox.save(pending("test|drain|" + i, now));
        }
        OutboxSender mine = applicationContextSender();
        OutboxSender theirs = other.getApplicationContext().getBean(OutboxSender.class);
        List<OutboxSender.Drained> drained = all(List.of(mine::drain, theirs::drain));
        assertEquals(40, drained.get(0).sent() + drained.get(1).sent(), drained.toString());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(before + 40, received.length);
        Set<String> ids = new HashSet<>();
        for (int i = before; i < received.length; i++) {
            assertTrue(ids.add(received[i].getMessageID()), "sent twice: " + received[i].getMessageID());
        }
    }

    @Test
    @Order(3)
    void aMessageInterruptedMidSendIsMarkedFailedAndNeverSentAgain() {
        int before = smtp.getReceivedMessages().length;
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        OutboxMessage claimed = outbox.save(new OutboxMessage(null, "test|interrupted", "csc.lead", "csc.lead@example.org",
                "ACTIONS", "action", "CSC", "Interrupted", "text", "<p>html</p>", null, "/", OutboxMessage.Status.SENDING, 0,
                hourAgo, null, "gone-gateway/1234", hourAgo, null, null, hourAgo, null));
        other.getApplicationContext().getBean(OutboxSender.class).drain();
        OutboxMessage after = outbox.findById(claimed.id()).orElseThrow();
        assertEquals(OutboxMessage.Status.FAILED, after.status());
        assertEquals(OutboxSender.INTERRUPTED, after.lastError());
        assertEquals(before, smtp.getReceivedMessages().length, "not re-sent");
        Browserless manager = signedIn("manager");
        String page = manager.get("/admin/outbox").body();
        assertTrue(page.contains("Failed") && page.contains("may or may not have been"), page);
    }

    private OutboxSender applicationContextSender() {
        return applicationContext.getBean(OutboxSender.class);
    }

    @Inject
    ApplicationContext applicationContext;

    private static OutboxMessage pending(String key, Instant now) {
        return new OutboxMessage(null, key, "tvp.user", "tvp.user@example.org", "RETURNS_DUE", "returns-due", "TVP",
                "Drain test " + key, "text " + key, "<p>" + key + "</p>", null, "/", OutboxMessage.Status.PENDING, 0, now,
                null, null, null, null, null, now, null);
    }

    private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

}
