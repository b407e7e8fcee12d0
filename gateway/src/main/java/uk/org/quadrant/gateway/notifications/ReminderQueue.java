package uk.org.quadrant.gateway.notifications;

import io.micronaut.context.BeanProvider;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.notifications.MessageContent.Line;
import uk.org.quadrant.gateway.notifications.OutboxMessage.Status;
import uk.org.quadrant.gateway.notifications.preferences.Delivery;
import uk.org.quadrant.gateway.notifications.preferences.Recipient;
import uk.org.quadrant.gateway.notifications.preferences.ReminderKind;
import uk.org.quadrant.gateway.notifications.preferences.UnsubscribeLinks;
import uk.org.quadrant.gateway.web.forms.Dates;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the rules' decisions to the outbox in one transaction, holding the reminder run's lock row so
 * two gateways' runs take turns: a reminder already queued (same key) is skipped, a new one is
 * rendered and written as PENDING, or HELD when its recipient takes that kind in the weekly digest.
 * In the same transaction, on or after the digest day, each person's held messages become one digest.
 */
@Singleton
public class ReminderQueue {

    static final String DIGEST = "weekly-digest";
    private static final int IN_LIST = 500;

    private final OutboxRepository outbox;
    private final JdbcOperations jdbc;
    private final MessageRenderer renderer;
    private final BeanProvider<UnsubscribeLinks> unsubscribe;
    private final NotificationSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock = Clock.systemUTC();

    ReminderQueue(OutboxRepository outbox, JdbcOperations jdbc, MessageRenderer renderer,
                  BeanProvider<UnsubscribeLinks> unsubscribe, NotificationSettings settings,
                  TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.unsubscribe = unsubscribe;
        this.settings = settings;
    }

    /**
     * Renders the notices not yet in the outbox (outside the transaction, so the lock is held briefly),
     * then writes them and the week's digests in one transaction under the run's lock.
     *
     * @return how many messages were written (held ones and digests included)
     */
    public int queue(List<Notice> notices, List<Recipient> recipients, LocalDate asAt, String holder) {
        Set<String> known = existing(notices.stream().map(Notice::key).toList());
        Instant now = clock.instant();
        List<OutboxMessage> fresh = new ArrayList<>();
        for (Notice n : notices) {
            if (!known.add(n.key())) {
                continue;
            }
            String link = unsubscribe.get().link(n.recipient().username(), n.kind());
            RenderedMessage m = renderer.render(n.content(), n.kind(), link);
            Status status = n.recipient().delivery(n.kind()) == Delivery.WEEKLY_DIGEST ? Status.HELD : Status.PENDING;
            fresh.add(row(n.key(), n.recipient(), n.kind().name(), n.template(), n.agency(), m, n.content().actionPath(), status, now));
        }
        return transactions.executeWrite(tx -> {
            lock(holder);
            // Another gateway may have written some of them while these were rendered: its rows stand.
            Set<String> written = existing(fresh.stream().map(OutboxMessage::dedupeKey).toList());
            List<OutboxMessage> rows = fresh.stream().filter(r -> !written.contains(r.dedupeKey())).toList();
            outbox.saveAll(rows);
            return rows.size() + digests(recipients, asAt, now);
        });
    }

    /** Each person's held messages as one digest, once a week on or after the digest day. */
    private int digests(List<Recipient> recipients, LocalDate asAt, Instant now) {
        if (asAt.getDayOfWeek().compareTo(settings.digestDay()) < 0) {
            return 0;
        }
        String week = asAt.get(IsoFields.WEEK_BASED_YEAR) + "-W" + asAt.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        Map<String, Recipient> byName = recipients.stream().collect(Collectors.toMap(Recipient::username, Function.identity()));
        // Every held message at once, by person; and which of their digests this week already went, in one query.
        Map<String, List<OutboxMessage>> heldBy = outbox.findByStatusOrderById(Status.HELD).stream()
                .collect(Collectors.groupingBy(OutboxMessage::recipient, java.util.TreeMap::new, Collectors.toList()));
        Function<String, String> keyOf = username -> DIGEST + "|" + username + "|" + week + "|" + username;
        Set<String> sent = existing(heldBy.keySet().stream().map(keyOf).toList());
        int made = 0;
        for (Map.Entry<String, List<OutboxMessage>> e : heldBy.entrySet()) {
            String username = e.getKey();
            Recipient r = byName.get(username);
            String key = keyOf.apply(username);
            if (r == null || sent.contains(key)) {
                continue;   // no longer has an address or is disabled: kept; or this week's digest already went
            }
            List<OutboxMessage> held = e.getValue();
            List<Line> lines = held.stream()
                    .map(h -> new Line(h.subject(), h.linkPath(), "Decided " + Dates.words(h.createdAt().toString())))
                    .toList();
            MessageContent content = new MessageContent(
                    "Your weekly Quadrant reminders: " + (held.size() == 1 ? "1 thing" : held.size() + " things") + " to do",
                    "Your reminders for the week of " + Dates.words(asAt.toString()) + ".",
                    List.of("You chose to get these reminders once a week."),
                    lines, "Go to Quadrant", "/");
            List<MessageRenderer.StopLink> stops = held.stream().map(OutboxMessage::kind).distinct().sorted()
                    .map(ReminderKind::valueOf)
                    .map(k -> new MessageRenderer.StopLink((k.statutory() ? "Keep in the weekly digest only: " : "Stop: ") + k.label(),
                            unsubscribe.get().link(username, k)))
                    .toList();
            RenderedMessage m = renderer.renderDigest(content, stops);
            OutboxMessage digest = outbox.save(row(key, r, "DIGEST", DIGEST, null, m, "/", Status.PENDING, now));
            outbox.digested(held.stream().map(OutboxMessage::id).toList(), digest.id());
            made++;
        }
        return made;
    }

    private static OutboxMessage row(String key, Recipient r, String kind, String template, String agency, RenderedMessage m,
                                     String linkPath, Status status, Instant now) {
        return new OutboxMessage(null, key, r.username(), r.email(), kind, template, agency, cut(m.subject(), 300),
                m.text(), m.html(), m.unsubscribe(), linkPath == null ? null : cut(linkPath, 300), status, 0, now,
                null, null, null, null, null, now, null);
    }

    private Set<String> existing(List<String> keys) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < keys.size(); i += IN_LIST) {
            found.addAll(outbox.findDedupeKeyByDedupeKeyInList(keys.subList(i, Math.min(keys.size(), i + IN_LIST))));
        }
        return found;
    }

    /** Holds the run's lock row until the transaction ends: another gateway's run waits here. */
    private void lock(String holder) {
        jdbc.prepareStatement("SELECT name FROM notification_lock WHERE name = 'reminder-run' FOR UPDATE", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        });
        jdbc.prepareStatement("UPDATE notification_lock SET held_by = ?, held_at = ? WHERE name = 'reminder-run'", statement -> {
            statement.setString(1, cut(holder, 100));
            statement.setTimestamp(2, java.sql.Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        });
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
