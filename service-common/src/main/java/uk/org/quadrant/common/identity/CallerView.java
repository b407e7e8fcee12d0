package uk.org.quadrant.common.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Who the service believes is calling, as read from a validated token. */
@Serdeable
public record CallerView(String username, List<String> roles, @Nullable String agency) {

    static CallerView of(Authentication authentication) {
        Object agency = authentication.getAttributes().get("agency");
        return new CallerView(authentication.getName(),
                List.copyOf(authentication.getRoles()),
                agency == null ? null : agency.toString());
    }
}
