package uk.org.quadrant.gateway.notifications.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether an SMTP failure is worth trying again. The relay's own reply decides when there is one: 4xx is
 * "try later" (greylisting, a full queue), 5xx is "no" (an address the relay rejects). A refused user name
 * or password, and an address that is not an address, are permanent too. Everything else (cannot connect,
 * a timeout, a dropped connection) is not: the relay may be back later.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static DeliveryFailure classify(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        boolean invalidAddresses = false;
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            int code = replyCode(t);
            if (code >= 400 && code < 500) {
                return new DeliveryFailure("The mail relay asked to try later: " + t.getMessage().trim(), false, failure);
            }
            if (code >= 500) {
                return new DeliveryFailure("The mail relay refused the message: " + t.getMessage().trim(), true, failure);
            }
            if (t instanceof AuthenticationFailedException) {
                return new DeliveryFailure("The mail relay refused the user name or password (QUADRANT_SMTP_USERNAME)",
                        true, failure);
            }
            if (t instanceof AddressException) {
                return new DeliveryFailure("Not an e-mail address: " + t.getMessage(), true, failure);
            }
            if (t instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                invalidAddresses = true;
            }
        }
        if (invalidAddresses) {
            return new DeliveryFailure("The mail relay rejected the address", true, failure);
        }
        return new DeliveryFailure("The mail relay could not be reached or did not answer: " + describe(failure),
                false, failure);
    }

    private static int replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return -1;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; depth < 20 && next(root) != null && next(root) != root; depth++) {
            root = next(root);
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage().trim());
    }
}
