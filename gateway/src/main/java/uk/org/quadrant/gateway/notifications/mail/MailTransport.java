package uk.org.quadrant.gateway.notifications.mail;

/**
 * How a message leaves the gateway: SMTP, GOV.UK Notify, or the local outbox page, chosen by
 * configuration ({@code quadrant.notifications.transport}). Exactly one bean is active.
 */
public interface MailTransport {

    /** Words for the outbox page and the logs: "SMTP mail.example.org:587", "GOV.UK Notify", "local outbox". */
    String name();

    /**
     * Hands the message over. Returns normally once the relay or API has accepted it.
     *
     * @throws DeliveryFailure when it was not accepted; {@link DeliveryFailure#permanent()} says whether
     *                         trying again could help (a refused address, a rejected API key: no)
     */
    void send(OutgoingMessage message) throws DeliveryFailure;
}
