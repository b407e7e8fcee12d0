package uk.org.quadrant.gateway.clients;

/** A service did not answer usefully: refused, timed out, failed (5xx), or its circuit is open. */
public class DownstreamUnavailableException extends RuntimeException {

    private final Service service;

    public DownstreamUnavailableException(Service service, String reason, Throwable cause) {
        super(service.displayName() + " is unavailable: " + reason, cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
