package uk.org.quadrant.gateway.notifications.mail;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;

import java.util.Locale;

/**
 * Which {@link MailTransport} is active, from {@code quadrant.notifications.transport}: {@code smtp},
 * {@code notify}, {@code outbox}, or {@code auto} (the default): SMTP when {@code QUADRANT_SMTP_HOST} is
 * set, else GOV.UK Notify when {@code QUADRANT_NOTIFY_API_KEY} is set, else the local outbox. One rule
 * decides; each transport's condition asks it, so exactly one transport bean exists.
 */
public enum TransportSelection {
    SMTP, NOTIFY, OUTBOX;

    public static final String CHOICE = "quadrant.notifications.transport";
    public static final String SMTP_HOST = "quadrant.notifications.smtp.host";
    public static final String NOTIFY_API_KEY = "quadrant.notifications.notify.api-key";

    /** The transport the configuration asks for. */
    public static TransportSelection chosen(PropertyResolver properties) {
        String choice = properties.get(CHOICE, String.class).orElse("auto").trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "smtp" -> SMTP;
            case "notify" -> NOTIFY;
            case "outbox" -> OUTBOX;
            case "auto", "" -> isSet(properties, SMTP_HOST) ? SMTP : isSet(properties, NOTIFY_API_KEY) ? NOTIFY : OUTBOX;
            default -> throw new ConfigurationException(CHOICE + " (QUADRANT_NOTIFICATIONS_TRANSPORT) is '" + choice
                    + "': it must be auto, smtp, notify or outbox");
        };
    }

    private static boolean isSet(PropertyResolver properties, String name) {
        return properties.get(name, String.class).filter(value -> !value.isBlank()).isPresent();
    }

    /** {@code @Requires(condition = TransportSelection.Smtp.class)}: SMTP is the chosen transport. */
    public static final class Smtp implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return chosen(context) == SMTP;
        }
    }

    /** GOV.UK Notify is the chosen transport. */
    public static final class Notify implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return chosen(context) == NOTIFY;
        }
    }

    /** Neither: the local outbox. */
    public static final class Outbox implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return chosen(context) == OUTBOX;
        }
    }
}
