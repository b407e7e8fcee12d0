package uk.org.quadrant.gateway.identity.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The sign-in form as posted; checked by the controller so errors can be shown GOV.UK-style. */
@Serdeable
public record SignInForm(@Nullable String username, @Nullable String password) {
}
