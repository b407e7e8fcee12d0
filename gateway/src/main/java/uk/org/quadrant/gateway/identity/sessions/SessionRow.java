package uk.org.quadrant.gateway.identity.sessions;

import uk.org.quadrant.gateway.identity.tokens.BrowserSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A session as the sessions pages show it: never its session id. */
public record SessionRow(long id, String device, String address, String started, String lastSeen, boolean current) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    static SessionRow of(BrowserSession s, boolean current) {
        return new SessionRow(s.id(), s.device() == null ? "Unknown browser" : s.device(),
                s.clientAddress() == null ? "Not known" : s.clientAddress(), WHEN.format(s.startedAt()), WHEN.format(s.lastSeenAt()),
                current);
    }
}
