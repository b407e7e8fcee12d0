package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record TokenRequest(@NotBlank @Size(max = 100) String username,
                           @NotBlank @Size(max = 1024) String password) {
}
