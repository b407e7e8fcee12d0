package uk.org.quadrant.gateway.notifications;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reads the parts of a received e-mail (GreenMail) in tests. */
public final class MailParts {

    private MailParts() {
    }

    /** The plain-text body. */
    public static String text(MimeMessage m) throws Exception {
        return part(m, "text/plain");
    }

    /** The body part of the given type, decoded; null if there is none. */
    public static String part(MimeMessage m, String type) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) {
            return m.isMimeType(type) ? s : null;
        }
        return part((Multipart) content, type);
    }

    private static String part(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var p = multipart.getBodyPart(i);
            if (p.isMimeType(type)) {
                return p.getContent().toString();
            }
            if (p.getContent() instanceof Multipart nested) {
                String found = part(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
