package uk.org.quadrant.gateway.notifications.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import io.micronaut.email.javamail.sender.JavaxEmailSender;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SMTP transport against GreenMail, a real SMTP server in the test JVM on a free port, and a scripted
 * relay for the replies GreenMail never gives: what arrives (both bodies, From, Message-ID, the one-click
 * unsubscribe headers), authentication, and which failures are worth a retry.
 */
class SmtpTransportTest {

    private static final String FROM = "Quadrant reminders <noreply@quadrant.example.org>";

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private GreenMail greenMail;

    @BeforeEach
    void startGreenMail() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay-user", "relay-password"));
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
        executor.shutdownNow();
    }

    @Test
    void sendsPlainTextAndHtmlFromTheConfiguredAddressWithTheReferenceAsMessageId() throws Exception {
        transport(settings(smtpPort(), null, null, SmtpTls.NONE, Duration.ofSeconds(10)))
                .send(message("quadrant-notice-42", "https://quadrant.example.org/unsubscribe/abc"));

        MimeMessage received = onlyMessage();
        assertEquals("Returns due: Police, 2018 Q1", received.getSubject());
        assertEquals(FROM, received.getHeader("From", null));
        assertEquals("lead@police.example.org", received.getHeader("To", null));
        assertEquals("<quadrant-notice-42@quadrant.example.org>", received.getMessageID());
        assertEquals("auto-generated", received.getHeader("Auto-Submitted", null));

        assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
        Multipart parts = (Multipart) received.getContent();
        assertEquals(2, parts.getCount());
        Part text = part(parts, "text/plain");
        Part html = part(parts, "text/html");
        assertTrue(((String) text.getContent()).contains("Figures for 2018 Q1 are due on 30 April 2018."));
        assertTrue(((String) html.getContent()).contains("<p>Figures for 2018 Q1 are due on <strong>30 April 2018</strong>.</p>"));
    }

    @Test
    void aMessageThatCanBeSwitchedOffCarriesTheOneClickUnsubscribeHeaders() throws Exception {
        transport(settings(smtpPort(), null, null, SmtpTls.NONE, Duration.ofSeconds(10)))
                .send(message("quadrant-notice-7", "https://quadrant.example.org/unsubscribe/signed-token"));

        MimeMessage received = onlyMessage();
        assertEquals("<https://quadrant.example.org/unsubscribe/signed-token>", received.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post", null));
    }

    @Test
    void aMessageThatCannotBeSwitchedOffHasNoUnsubscribeHeaders() throws Exception {
        transport(settings(smtpPort(), null, null, SmtpTls.NONE, Duration.ofSeconds(10)))
                .send(message("quadrant-notice-8", null));

        MimeMessage received = onlyMessage();
        assertNull(received.getHeader("List-Unsubscribe"));
        assertNull(received.getHeader("List-Unsubscribe-Post"));
        assertEquals("<quadrant-notice-8@quadrant.example.org>", received.getMessageID());
    }

    @Test
    void authenticatesWithTheConfiguredUser() throws Exception {
        transport(settings(smtpPort(), "relay-user", "relay-password", SmtpTls.NONE, Duration.ofSeconds(10)))
                .send(message("quadrant-notice-9", null));

        assertEquals("<quadrant-notice-9@quadrant.example.org>", onlyMessage().getMessageID());
    }

    @Test
    void aRefusedPasswordIsPermanent() {
        SmtpTransport transport = transport(settings(smtpPort(), "relay-user", "wrong-password", SmtpTls.NONE,
                Duration.ofSeconds(10)));

        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> transport.send(message("quadrant-notice-10", null)));
        assertTrue(failure.permanent(), failure.getMessage());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void requiredStartTlsIsNeverSkippedForARelayWithoutIt() {
        // GreenMail's plain SMTP port offers no STARTTLS: with it required (the production default) nothing
        // is sent in clear; the failure is a configuration to fix, not the recipient's fault, so not permanent.
        SmtpTransport transport = transport(settings(smtpPort(), null, null, SmtpTls.STARTTLS, Duration.ofSeconds(10)));

        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> transport.send(message("quadrant-notice-11", null)));
        assertFalse(failure.permanent(), failure.getMessage());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void aStoppedRelayIsWorthARetryAndFailsAtOnce() {
        int port = smtpPort();
        greenMail.stop();
        SmtpTransport transport = transport(settings(port, null, null, SmtpTls.NONE, Duration.ofSeconds(2)));

        long started = System.nanoTime();
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> transport.send(message("quadrant-notice-12", null)));
        assertFalse(failure.permanent(), failure.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void aRelayThatNeverAnswersFailsWithinTheReadTimeoutAndIsWorthARetry() throws Exception {
        try (ScriptedSmtpRelay silent = ScriptedSmtpRelay.silent()) {
            SmtpTransport transport = transport(settings(silent.port(), null, null, SmtpTls.NONE, Duration.ofSeconds(1)));

            long started = System.nanoTime();
            DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> transport.send(message("quadrant-notice-13", null)));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertFalse(failure.permanent(), failure.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        }
    }

    @Test
    void anAddressTheRelayRejectsIsPermanent() throws Exception {
        try (ScriptedSmtpRelay relay = ScriptedSmtpRelay.answeringRcpt("550 5.1.1 <lead@police.example.org>: no such user")) {
            SmtpTransport transport = transport(settings(relay.port(), null, null, SmtpTls.NONE, Duration.ofSeconds(5)));

            DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> transport.send(message("quadrant-notice-14", null)));
            assertTrue(failure.permanent(), failure.getMessage());
        }
    }

    @Test
    void aTemporaryRejectionIsWorthARetry() throws Exception {
        try (ScriptedSmtpRelay relay = ScriptedSmtpRelay.answeringRcpt("451 4.7.1 greylisted, try again later")) {
            SmtpTransport transport = transport(settings(relay.port(), null, null, SmtpTls.NONE, Duration.ofSeconds(5)));

            DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> transport.send(message("quadrant-notice-15", null)));
            assertFalse(failure.permanent(), failure.getMessage());
        }
    }

    @Test
    void anAddressThatIsNotAnAddressIsPermanent() {
        SmtpTransport transport = transport(settings(smtpPort(), null, null, SmtpTls.NONE, Duration.ofSeconds(10)));
        OutgoingMessage bad = new OutgoingMessage("quadrant-notice-16", "not an address@@", "Subject", "text", "<p>html</p>", null);

        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> transport.send(bad));
        assertTrue(failure.permanent(), failure.getMessage());
    }

    @Test
    void aLineBreakInASubjectOrLinkAddsNoHeader() throws Exception {
        SmtpTransport transport = transport(settings(smtpPort(), null, null, SmtpTls.NONE, Duration.ofSeconds(10)));
        transport.send(new OutgoingMessage("quadrant-notice-17", "lead@police.example.org",
                "Returns due\r\nBcc: intruder@example.org", "text", "<p>html</p>", null));

        MimeMessage received = onlyMessage();
        assertNull(received.getHeader("Bcc"));
        assertEquals(1, greenMail.getReceivedMessages().length, "nobody else got a copy");

        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> transport.send(new OutgoingMessage(
                "quadrant-notice-18", "lead@police.example.org", "Subject", "text", "<p>html</p>",
                "https://quadrant.example.org/u/1>\r\nBcc: intruder@example.org")));
        assertTrue(failure.permanent(), failure.getMessage());
    }

    @Test
    void itsNameSaysWhereMailGoes() {
        assertEquals("SMTP 127.0.0.1:" + smtpPort(),
                transport(settings(smtpPort(), null, null, SmtpTls.NONE, Duration.ofSeconds(10))).name());
    }

    private int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    private MimeMessage onlyMessage() {
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        return received[0];
    }

    private static Part part(Multipart parts, String mimeType) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(mimeType)) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no " + mimeType + " part");
    }

    private static SmtpSettings settings(int port, String username, String password, SmtpTls tls, Duration timeout) {
        return new SmtpSettings("127.0.0.1", port, username, password, tls, FROM, timeout, timeout);
    }

    /** Assembled as the context assembles it: micronaut-email's sender with this session and composer. */
    private SmtpTransport transport(SmtpSettings settings) {
        JavaxEmailComposer composer = new JavaxEmailComposer(new SmtpSession(settings), new MessageIdKeepingComposer());
        return new SmtpTransport(settings, new JavaxEmailSender(executor, composer));
    }

    static OutgoingMessage message(String reference, String unsubscribe) {
        return new OutgoingMessage(reference, "lead@police.example.org", "Returns due: Police, 2018 Q1",
                "Figures for 2018 Q1 are due on 30 April 2018.\n\nSign in to Quadrant to enter them.",
                "<p>Figures for 2018 Q1 are due on <strong>30 April 2018</strong>.</p>", unsubscribe);
    }
}
