package uk.org.quadrant.gateway.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler, not the API: with the rules set to run every two seconds and the outbox drained every
 * second, GreenMail receives the twelve reminders of the demo situation, and the runs that follow send
 * nothing more.
 */
@MicronautTest(transactional = false)
class ScheduledRemindersTest extends MailTestBase {


    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("quadrant.notifications.scheduled", "true");
        p.put("quadrant.notifications.cron", "*/2 * * * * *");
        p.put("quadrant.notifications.send-every", "1s");
        return p;
    }

    @Test
    void theMorningRunSendsEachReminderOnceAndLaterRunsNothingMore() throws Exception {
        RemindersByMailTest.stubOwed(indicators, actions);
        assertTrue(smtp.waitForIncomingEmail(30_000, 12), "12 reminders within 30 s, got " + smtp.getReceivedMessages().length);
        Thread.sleep(6_000);   // three more scheduled runs and several drains
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(12, received.length);
        Set<String> seen = new HashSet<>();
        for (MimeMessage m : received) {
            assertTrue(seen.add(m.getRecipients(Message.RecipientType.TO)[0] + " " + m.getSubject()), "twice: " + m.getSubject());
        }
    }

}
