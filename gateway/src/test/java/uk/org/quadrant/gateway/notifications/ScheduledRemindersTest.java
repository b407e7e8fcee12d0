package uk.org.quadrant.gateway.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.org.quadrant.gateway.agency.FormsTestBase;

import java.net.ServerSocket;
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
class ScheduledRemindersTest extends FormsTestBase {

    private static final int SMTP_PORT = freePort();
    private GreenMail smtp;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("quadrant.notifications.scheduled", "true");
        p.put("quadrant.notifications.cron", "*/2 * * * * *");
        p.put("quadrant.notifications.send-every", "1s");
        p.put("quadrant.notifications.smtp.host", "127.0.0.1");   // transport auto: SMTP because a host is set
        p.put("quadrant.notifications.smtp.port", Integer.toString(SMTP_PORT));
        p.put("quadrant.notifications.smtp.tls", "none");
        p.put("quadrant.notifications.board-meetings", "2018-05-21");
        return p;
    }

    @BeforeAll
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
