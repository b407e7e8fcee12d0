package uk.org.quadrant.actions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import uk.org.quadrant.common.testing.management.ManagementEndpointsContract;

/** The health endpoints show the status only: {@link ManagementEndpointsContract}, run on this service. */
@MicronautTest
class ManagementEndpointsTest extends ManagementEndpointsContract {
}
