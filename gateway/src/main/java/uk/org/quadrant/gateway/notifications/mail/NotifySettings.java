package uk.org.quadrant.gateway.notifications.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * GOV.UK Notify ({@code quadrant.notifications.notify.*}, from the {@code QUADRANT_NOTIFY_*} variables).
 *
 * @param apiKey         the API key ({@code QUADRANT_NOTIFY_API_KEY}, from a Secret):
 *                       {@code {key name}-{service id}-{secret}}; set, it makes Notify the transport unless
 *                       SMTP is configured too
 * @param templateId     the one generic e-mail template, subject {@code ((subject))} and body {@code ((body))}
 *                       ({@code QUADRANT_NOTIFY_TEMPLATE_ID})
 * @param baseUrl        Notify's API ({@code QUADRANT_NOTIFY_BASE_URL}; tests point it at a local server)
 * @param connectTimeout the longest wait to connect to the API
 * @param readTimeout    the longest wait for its answer
 */
@ConfigurationProperties("quadrant.notifications.notify")
public record NotifySettings(
        @Nullable String apiKey,
        @Nullable String templateId,
        @Bindable(defaultValue = "https://api.notifications.service.gov.uk") String baseUrl,
        @Bindable(defaultValue = "PT10S") Duration connectTimeout,
        @Bindable(defaultValue = "PT10S") Duration readTimeout) {

    /** Without the key: settings may be logged. */
    @Override
    public String toString() {
        return "NotifySettings[templateId=" + templateId + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
