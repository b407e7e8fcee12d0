package uk.org.quadrant.actions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import uk.org.quadrant.common.testing.contracts.ProblemJsonContract;

/** {@link ProblemJsonContract}, run on this service. */
@MicronautTest
class ProblemJsonTest extends ProblemJsonContract {
}
