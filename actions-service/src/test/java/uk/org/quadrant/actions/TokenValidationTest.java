package uk.org.quadrant.actions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import uk.org.quadrant.common.testing.contracts.TokenValidationContract;

/** {@link TokenValidationContract}, run on this service. */
@MicronautTest
class TokenValidationTest extends TokenValidationContract {
}
