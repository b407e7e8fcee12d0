package uk.org.quadrant.indicators;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import uk.org.quadrant.common.testing.contracts.MigrationsAndChangeLogContract;

/** {@link MigrationsAndChangeLogContract}, run on this service. Runs on embedded H2 by default and on a real MySQL/MariaDB with -Pmysql. */
@MicronautTest(transactional = false)
class MigrationAndRepositoryTest extends MigrationsAndChangeLogContract {
}
