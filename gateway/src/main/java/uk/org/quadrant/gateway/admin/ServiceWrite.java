package uk.org.quadrant.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.DownstreamUnavailableException;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.Reply;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for a write (sent once, never retried) and tells a form whether the service answered. A
 * service that did not answer does not become an error page: the form is shown again with what was
 * typed and a message saying the change may not have been saved.
 */
final class ServiceWrite {

    private ServiceWrite() {
    }

    /** The typed reply, or null when the service did not answer (refused, timed out, failed, circuit open). */
    static <T> @Nullable Reply<T> answer(CompletableFuture<Reply<T>> call) {
        try {
            return Calls.require(call);
        } catch (DownstreamUnavailableException | CompletionException e) {
            return null;
        }
    }

    static String unavailable(Service service) {
        return service.displayName() + " is not answering at the moment, so your change may not have been saved. "
                + "Check the list before trying again, in a minute or two.";
    }
}
