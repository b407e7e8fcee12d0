package uk.org.quadrant.gateway.notifications.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which transport the gateway runs with, from the environment variables the manifests set: exactly one
 * {@link MailTransport} bean in every case, the local outbox when nothing is configured, and a clear
 * start-up failure when a transport is asked for without what it needs.
 */
class TransportSelectionTest {

    private static final String NOTIFY_KEY = "quadrant_test-" + UUID.randomUUID() + "-" + UUID.randomUUID();

    @Test
    void theEmbeddedDefaultIsTheLocalOutbox() {
        try (ApplicationContext context = run(Map.of())) {
            MailTransport transport = onlyTransport(context);
            assertInstanceOf(LocalOutboxTransport.class, transport);
            assertEquals("local outbox: no mail server configured", transport.name());
            assertFalse(context.containsBean(SmtpSession.class));
        }
    }

    @Test
    void anSmtpHostMakesItSmtpAndTheContextsSenderDeliversToALocalRelayKeepingTheMessageId() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        try (ApplicationContext context = run(Map.of(
                "QUADRANT_SMTP_HOST", "127.0.0.1",
                "QUADRANT_SMTP_PORT", String.valueOf(greenMail.getSmtp().getPort()),
                // QUADRANT_SMTP_TLS left at the embedded default: a local relay without STARTTLS still works
                "QUADRANT_MAIL_FROM", "noreply@quadrant.example.org"))) {
            MailTransport transport = onlyTransport(context);
            assertInstanceOf(SmtpTransport.class, transport);
            assertEquals("SMTP 127.0.0.1:" + greenMail.getSmtp().getPort(), transport.name());
            assertInstanceOf(SmtpSession.class, context.getBean(SessionProvider.class));

            transport.send(SmtpTransportTest.message("quadrant-notice-1", "https://quadrant.example.org/u/1"));
            assertTrue(greenMail.waitForIncomingEmail(5000, 1));
            MimeMessage received = greenMail.getReceivedMessages()[0];
            assertEquals("<quadrant-notice-1@quadrant.example.org>", received.getMessageID());
            assertEquals("noreply@quadrant.example.org", received.getHeader("From", null));
        } finally {
            greenMail.stop();
        }
    }

    @Test
    void theEmbeddedDefaultUsesStartTlsWhenOfferedAndAFromAddress() {
        try (ApplicationContext context = run(Map.of("QUADRANT_SMTP_HOST", "mail.example.org"))) {
            SmtpSettings settings = context.getBean(SmtpSettings.class);
            assertEquals(SmtpTls.STARTTLS_IF_OFFERED, settings.tls());
            assertEquals(587, settings.port());
            assertFalse(settings.authenticates());
            assertEquals("SMTP mail.example.org:587", onlyTransport(context).name());
        }
    }

    @Test
    void aNotifyKeyWithoutAnSmtpHostMakesItNotify() {
        try (ApplicationContext context = run(Map.of(
                "QUADRANT_NOTIFY_API_KEY", NOTIFY_KEY,
                "QUADRANT_NOTIFY_TEMPLATE_ID", UUID.randomUUID().toString()))) {
            MailTransport transport = onlyTransport(context);
            assertInstanceOf(NotifyTransport.class, transport);
            assertEquals("GOV.UK Notify", transport.name());
        }
    }

    @Test
    void anSmtpHostWinsOverANotifyKey() {
        try (ApplicationContext context = run(Map.of(
                "QUADRANT_SMTP_HOST", "mail.example.org",
                "QUADRANT_NOTIFY_API_KEY", NOTIFY_KEY))) {
            assertInstanceOf(SmtpTransport.class, onlyTransport(context));
        }
    }

    @Test
    void anExplicitChoiceWinsOverWhatIsConfigured() {
        try (ApplicationContext context = run(Map.of(
                "QUADRANT_NOTIFICATIONS_TRANSPORT", "outbox",
                "QUADRANT_SMTP_HOST", "mail.example.org"))) {
            assertInstanceOf(LocalOutboxTransport.class, onlyTransport(context));
        }
        try (ApplicationContext context = run(Map.of(
                "QUADRANT_NOTIFICATIONS_TRANSPORT", "notify",
                "QUADRANT_SMTP_HOST", "mail.example.org",
                "QUADRANT_NOTIFY_API_KEY", NOTIFY_KEY,
                "QUADRANT_NOTIFY_TEMPLATE_ID", UUID.randomUUID().toString()))) {
            assertInstanceOf(NotifyTransport.class, onlyTransport(context));
        }
    }

    @Test
    void smtpWithoutAHostDoesNotStart() {
        assertStartUpFails(Map.of("QUADRANT_NOTIFICATIONS_TRANSPORT", "smtp"), "QUADRANT_SMTP_HOST");
    }

    @Test
    void notifyWithoutAKeyOrTemplateDoesNotStart() {
        assertStartUpFails(Map.of("QUADRANT_NOTIFICATIONS_TRANSPORT", "notify"), "QUADRANT_NOTIFY_API_KEY");
        assertStartUpFails(Map.of("QUADRANT_NOTIFY_API_KEY", NOTIFY_KEY), "QUADRANT_NOTIFY_TEMPLATE_ID");
    }

    @Test
    void anUnknownChoiceDoesNotStart() {
        assertStartUpFails(Map.of("QUADRANT_NOTIFICATIONS_TRANSPORT", "carrier-pigeon"), "auto, smtp, notify or outbox");
    }

    private static void assertStartUpFails(Map<String, String> settings, String expected) {
        Exception e = assertThrows(Exception.class, () -> run(settings).close());
        String messages = messages(e);
        assertTrue(messages.contains(expected), messages);
    }

    private static MailTransport onlyTransport(ApplicationContext context) {
        Collection<MailTransport> transports = context.getBeansOfType(MailTransport.class);
        assertEquals(1, transports.size(), transports.toString());
        return transports.iterator().next();
    }

    /** The gateway's context without its database work: only the beans and the configuration matter here. */
    private static ApplicationContext run(Map<String, String> settings) {
        Map<String, Object> props = new HashMap<>(settings);
        props.put("micronaut.server.port", -1);
        props.put("flyway.datasources.default.enabled", false);
        props.put("quadrant.demo-data.enabled", false);
        return ApplicationContext.run(props, "test");
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
