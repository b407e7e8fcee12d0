package uk.org.quadrant.gateway.identity.signin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** OAuth 2.0-shaped token response for scripts and BI tools. */
@Serdeable
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn) {
}
