package uk.org.quadrant.gateway.notifications.mail;

import io.micronaut.core.annotation.Nullable;

/**
 * One e-mail ready to hand to a transport: already addressed, worded and rendered.
 *
 * @param reference   the outbox row's stable id ("quadrant-notice-42"): the Message-ID's local part for
 *                    SMTP, the {@code reference} for GOV.UK Notify, so a message can be traced end to end
 * @param to          the recipient's address
 * @param subject     the subject line
 * @param textBody    the plain-text body (always present; GOV.UK Notify sends only this)
 * @param htmlBody    the HTML body in the GOV.UK style, no images and no tracking
 * @param unsubscribe the signed one-click unsubscribe URL (List-Unsubscribe), or null for a message
 *                    that cannot be switched off
 */
public record OutgoingMessage(String reference, String to, String subject, String textBody, String htmlBody,
                              @Nullable String unsubscribe) {
}
