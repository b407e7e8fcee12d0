package uk.org.quadrant.gateway.identity.tokens;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.gateway.identity.tokens.AuthConfiguration;
import uk.org.quadrant.gateway.identity.tokens.SessionValidity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The record of browser sessions ({@link BrowserSession}): written when a session is issued
 * ({@code TokenIssuer.issueSession}), touched when it is renewed, ended one at a time or all but one.
 * Ending a session here forgets this replica's cached check at once; other replicas see it within
 * {@code quadrant.auth.session-check-cache} ({@link SessionValidity}).
 */
@Singleton
public class SessionLedger {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLedger.class);

    private final BrowserSessionRepository sessions;
    private final HttpClientAddressResolver addresses;
    private final SessionValidity validity;
    private final AuthConfiguration auth;
    private final Clock clock = Clock.systemUTC();

    SessionLedger(BrowserSessionRepository sessions, HttpClientAddressResolver addresses, SessionValidity validity,
                  AuthConfiguration auth) {
        this.sessions = sessions;
        this.addresses = addresses;
        this.validity = validity;
        this.auth = auth;
    }

    /** A new session of {@code username}; the client is the request being served, if there is one. */
    public void started(String sid, String username) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        Instant now = now();
        try {
            sessions.save(new BrowserSession(null, sid, username, now, now, request.map(this::address).orElse(null),
                    DeviceNames.of(request.map(r -> r.getHeaders().get(HttpHeaders.USER_AGENT)).orElse(null)), null, null));
        } catch (RuntimeException e) {
            // The session still works (no row: valid until it expires, adopted at renewal); never a failed sign-in.
            LOG.warn("Could not record a new session of {}: {}", username, e.toString());
        }
    }

    /** A session renewed: last seen now; a session with no row (issued before there were rows) gets one. */
    public void renewed(String sid, String username) {
        try {
            if (sessions.seen(sid, now()) == 0 && sessions.findBySid(sid).isEmpty()) {
                started(sid, username);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the renewal of a session of {}: {}", username, e.toString());
        }
    }

    /** The account's sessions still in force, newest first. */
    public List<BrowserSession> live(String username) {
        return sessions.live(username, now().minus(auth.tokenLifetime()));
    }

    public Optional<BrowserSession> find(String sid) {
        return sessions.findBySid(sid);
    }

    /** Ends one of {@code username}'s sessions by its handle: false if it is not theirs or already ended. */
    public boolean end(long id, String username, String by) {
        Optional<BrowserSession> row = sessions.findById(id).filter(s -> s.username().equals(username));
        if (row.isEmpty() || sessions.end(id, username, now(), by) != 1) {
            return false;
        }
        validity.forgetSession(row.get().sid());
        return true;
    }

    /** Sign-out of one session. */
    public void endSid(String sid, String by) {
        sessions.endBySid(sid, now(), by);
        validity.forgetSession(sid);
    }

    /** Every session of the account but {@code keep} (null: all of them). */
    public int endAllBut(String username, @Nullable String keep, String by) {
        List<String> sids = sessions.liveSids(username);
        int ended = sessions.endAllBut(username, keep == null ? "" : keep, now(), by);
        sids.forEach(validity::forgetSession);
        return ended;
    }

    /** Rows last seen or ended before {@code before}. */
    int prune(Instant before) {
        return sessions.prune(before);
    }

    private String address(HttpRequest<?> request) {
        String address = addresses.resolve(request);
        return address == null ? null : address.length() > 64 ? address.substring(0, 64) : address;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
