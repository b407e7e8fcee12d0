package uk.org.quadrant.gateway.web.forms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.DownstreamUnavailableException;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What became of one write to a service, sorted into what a form does next: carry on (done), show
 * the field errors (invalid), show the current values (conflict), say the service is not answering
 * (unavailable, and the write is not repeated), or stop with the service's refusal or "not found".
 *
 * @param kind    what happened
 * @param reply   the service's answer, or null when it did not answer
 * @param service the service written to
 */
public record WriteResult<T>(Kind kind, @Nullable Reply<T> reply, Service service) {

    public enum Kind { DONE, INVALID, CONFLICT, UNAVAILABLE }

    /**
     * Waits for a write made through a typed client ({@link Calls#write}, never retried). A 403 or 404
     * from the service becomes the gateway's own refusal or not-found page: the service's word on who
     * may do what is final.
     */
    public static <T> WriteResult<T> await(CompletableFuture<Reply<T>> write, Service service) {
        WriteResult<T> result = awaitAnswer(write, service);
        if (result.reply() != null && !result.reply().ok()) {
            switch (result.reply().status()) {
                case 403 -> throw new HttpStatusException(HttpStatus.FORBIDDEN, result.reply().detail());
                case 404 -> throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found");
                default -> { }
            }
        }
        return result;
    }

    /**
     * Waits for a write like {@link #await}, but leaves a 403 or 404 to the form ({@link Kind#INVALID}
     * with the reply): an admin page says "that target was already removed" instead of "page not found".
     */
    public static <T> WriteResult<T> awaitAnswer(CompletableFuture<Reply<T>> write, Service service) {
        Reply<T> reply;
        try {
            reply = write.join();
        } catch (CompletionException | DownstreamUnavailableException e) {
            return new WriteResult<>(Kind.UNAVAILABLE, null, service);
        }
        if (reply.ok()) {
            return new WriteResult<>(Kind.DONE, reply, service);
        }
        return new WriteResult<>(reply.status() == 409 ? Kind.CONFLICT : Kind.INVALID, reply, service);
    }

    public boolean done() {
        return kind == Kind.DONE;
    }

    /** The words for a service that did not answer a write: it was sent once and not repeated. */
    public String unavailableMessage() {
        return service.displayName() + " did not answer, so we cannot confirm your changes were saved. "
                + "Nothing was sent twice: check what is saved now before trying again.";
    }

    /** The HTTP status a re-shown form answers with. */
    public HttpStatus status() {
        return switch (kind) {
            case DONE -> HttpStatus.OK;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
