package uk.org.quadrant.gateway.notifications.mail;

/** A message the transport did not accept, and whether trying again later could help. */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public DeliveryFailure(String reason, boolean permanent) {
        this(reason, permanent, null);
    }

    /** True when a retry would fail the same way (a bad address, a refused key); false for a relay that is down. */
    public boolean permanent() {
        return permanent;
    }
}
