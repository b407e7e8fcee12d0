package uk.org.quadrant.indicators.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** The change between two periods, as a report quotes it ("rose 28.3 % over two years"). */
@Serdeable
public record ChangeView(String indicatorCode, String agency, String from, String to, String fromLabel, String toLabel,
                         BigDecimal fromValue, BigDecimal toValue, BigDecimal change, @Nullable BigDecimal changePercent) {
}
