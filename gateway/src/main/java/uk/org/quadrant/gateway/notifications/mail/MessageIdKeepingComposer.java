package uk.org.quadrant.gateway.notifications.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.email.Email;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.composer.MessageComposer;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * micronaut-email's own composer (multipart/alternative text + HTML), but the message it returns keeps a
 * {@code Message-ID} set before sending: JavaMail otherwise replaces it with a random one when the message
 * is sent, and the Message-ID carries the outbox reference so a message can be traced end to end.
 */
@Singleton
@Replaces(DefaultMessageComposer.class)
@Requires(condition = TransportSelection.Smtp.class)
public class MessageIdKeepingComposer implements MessageComposer {

    private final DefaultMessageComposer composer = new DefaultMessageComposer();

    @Override
    public Message compose(Email email, Session session) throws MessagingException {
        return new KeptMessageId((MimeMessage) composer.compose(email, session));
    }

    /** A copy of the composed message whose Message-ID, once set, is not regenerated on sending. */
    private static final class KeptMessageId extends MimeMessage {

        KeptMessageId(MimeMessage composed) throws MessagingException {
            super(composed);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
