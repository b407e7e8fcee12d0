package uk.org.quadrant.gateway.clients.indicators;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** An indicator's definition ({@code /api/v1/indicators}). Codes and instants are the service's text. */
@Serdeable
public record Indicator(String code, String title, @Nullable String description, @Nullable String unit, @Nullable String polarity,
                        @Nullable String frequency, @Nullable String ownerAgency, @Nullable Integer priority,
                        @Nullable BigDecimal tolerancePercent, @Nullable String numeratorLabel, @Nullable String denominatorLabel,
                        @Nullable String population, @Nullable Boolean published, @Nullable Boolean active, @Nullable Long version,
                        @Nullable String updatedBy, @Nullable String updatedAt) {
}
