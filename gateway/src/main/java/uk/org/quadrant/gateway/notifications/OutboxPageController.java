package uk.org.quadrant.gateway.notifications;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import uk.org.quadrant.gateway.notifications.OutboxMessage.Status;
import uk.org.quadrant.gateway.notifications.mail.LocalOutboxTransport;
import uk.org.quadrant.gateway.notifications.mail.MailTransport;
import uk.org.quadrant.gateway.web.forms.Notice;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The board manager's view of what reminders were sent, or would have been: in the embedded default
 * no mail server is configured and this page is where a newcomer reads them. Failed messages come first,
 * with why; each message opens to exactly the text that was sent.
 */
@Controller(value = "/admin/outbox", produces = MediaType.TEXT_HTML)
@Secured("BOARD_MANAGER")
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxPageController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final OutboxRepository outbox;
    private final ReminderRun run;
    private final BeanProvider<MailTransport> transport;

    OutboxPageController(OutboxRepository outbox, ReminderRun run, BeanProvider<MailTransport> transport) {
        this.outbox = outbox;
        this.run = run;
        this.transport = transport;
    }

    /** One message as a row: when, to whom, which reminder, its subject, state. */
    record Row(long id, String when, String to, String template, String subject, String status, int attempts,
               @Nullable String error, @Nullable String sent) {

        static Row of(OutboxMessage m) {
            return new Row(m.id(), WHEN.format(m.createdAt()), m.recipient() + " <" + m.toAddress() + ">", m.template(),
                    m.subject(), m.status().name(), m.attempts(), m.lastError(), m.sentAt() == null ? null : WHEN.format(m.sentAt()));
        }
    }

    @Get
    @View("notifications/outbox")
    Map<String, Object> list(@QueryValue @Nullable Integer page, @QueryValue @Nullable String notice,
                             @QueryValue @Nullable String subject) {
        int p = page == null || page < 1 ? 1 : page;
        Page<OutboxMessage> rows = outbox.newestFirst(Pageable.from(p - 1, PAGE_SIZE, Sort.UNSORTED));
        Map<String, Object> model = new HashMap<>();
        model.put("banner", Notice.banner(notice, subject));
        model.put("transport", transport.isPresent() ? transport.get().name() : "none configured");
        model.put("localOnly", transport.isPresent() && transport.get() instanceof LocalOutboxTransport);
        model.put("failed", outbox.failedNewestFirst(Pageable.from(0, PAGE_SIZE)).getContent().stream().map(Row::of).toList());
        model.put("waiting", outbox.countByStatus(Status.PENDING));
        model.put("held", outbox.countByStatus(Status.HELD));
        model.put("sentCount", outbox.countByStatus(Status.SENT));
        model.put("failedCount", outbox.countByStatus(Status.FAILED));
        model.put("rows", rows.getContent().stream().map(Row::of).toList());
        model.put("total", rows.getTotalSize());
        model.put("page", p);
        model.put("pages", Math.max(1, rows.getTotalPages()));
        return model;
    }

    @Get("/{id}")
    @View("notifications/message")
    Map<String, Object> message(@PathVariable long id) {
        OutboxMessage m = outbox.findById(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such message"));
        Map<String, Object> model = new HashMap<>();
        model.put("row", Row.of(m));
        model.put("message", AccountMail.carriesLink(m) ? withheld(m) : m);
        model.put("agency", m.agencyCode());
        model.put("transport", m.transport());
        return model;
    }

    /** A message with a single-use link: the page never shows its body, sent or not. */
    private static OutboxMessage withheld(OutboxMessage m) {
        return new OutboxMessage(m.id(), m.dedupeKey(), m.recipient(), m.toAddress(), m.kind(), m.template(), m.agencyCode(),
                m.subject(), AccountMail.WITHHELD, AccountMail.WITHHELD, m.unsubscribeUrl(), m.linkPath(), m.status(), m.attempts(),
                m.nextAttemptAt(), m.lastError(), m.claimedBy(), m.claimedAt(), m.transport(), m.digestId(), m.createdAt(), m.sentAt());
    }

    /** Runs the reminder rules now, as the scheduler would each morning. */
    @Post(value = "/run", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> runNow(Authentication authentication) {
        ReminderRun.Result r = run.run(authentication.getName());
        String said = r.queued() + " queued, " + r.sent() + " sent, " + r.failed() + " failed"
                + (r.unavailable().isEmpty() ? "" : "; not answering, so their reminders wait: " + String.join(", ", r.unavailable()));
        return HttpResponse.seeOther(URI.create(Notice.REMINDERS_RUN.on("/admin/outbox", said)));
    }
}
