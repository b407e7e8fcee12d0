package uk.org.quadrant.gateway.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import uk.org.quadrant.gateway.agency.FormsTestBase;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The services as stand-ins ({@link FormsTestBase}) and a real SMTP server (GreenMail) on a free port,
 * which the gateway sends its reminders to (transport chosen by the SMTP host being set, TLS off).
 */
public abstract class MailTestBase extends FormsTestBase {

    protected final int smtpPort = freePort();
    protected GreenMail smtp;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("quadrant.notifications.smtp.host", "127.0.0.1");
        p.put("quadrant.notifications.smtp.port", Integer.toString(smtpPort));
        p.put("quadrant.notifications.smtp.tls", "none");
        p.put("quadrant.notifications.board-meetings", "2018-05-21");
        return p;
    }

    @BeforeAll
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    /** A port nothing listens on once this returns. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
