package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code code}: for an account with a second factor, the 6-digit code its authenticator app shows now, or
 * one of its unused recovery codes (used up); ignored for an account without one.
 */
@Serdeable
public record TokenRequest(@NotBlank @Size(max = 100) String username,
                           @NotBlank @Size(max = 1024) String password,
                           @Nullable @Size(max = 64)
                           @Schema(description = "For an account with a second factor: the 6-digit code from its authenticator app, "
                                   + "or an unused recovery code. Missing: 400 naming code; wrong: 401 naming code (counted like a wrong password).",
                                   nullable = true, maxLength = 64)
                           String code) {

    @Creator
    public TokenRequest {
    }

    /** A request without a second-factor code. */
    public TokenRequest(String username, String password) {
        this(username, password, null);
    }
}
