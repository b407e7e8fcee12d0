package uk.org.quadrant.common.problem;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UniqueKeyViolationTest {

    @Test
    void h2AndPostgresDuplicateKeyIsRecognisedThroughWrappers() {
        SQLException h2 = new SQLIntegrityConstraintViolationException("Unique index or primary key violation", "23505", 23505);
        assertTrue(UniqueKeyViolation.isCause(new DataAccessException("Error executing PERSIST", h2)));
        assertTrue(UniqueKeyViolation.isCause(new RuntimeException(new DataAccessException("x", h2))));
    }

    @Test
    void mysqlDuplicateEntryIsRecognised() {
        assertTrue(UniqueKeyViolation.isCause(new DataAccessException("x",
                new SQLIntegrityConstraintViolationException("Duplicate entry 'A-B' for key 'uq_value'", "23000", 1062))));
    }

    @Test
    void otherIntegrityErrorsAreNot() {
        // A foreign key (H2 23506, MySQL 1452 under the same SQLSTATE 23000), a null, a lock timeout.
        assertFalse(UniqueKeyViolation.isCause(new DataAccessException("x", new SQLException("fk", "23506", 23506))));
        assertFalse(UniqueKeyViolation.isCause(new DataAccessException("x", new SQLException("fk", "23000", 1452))));
        assertFalse(UniqueKeyViolation.isCause(new DataAccessException("x", new SQLException("null", "23502", 23502))));
        assertFalse(UniqueKeyViolation.isCause(new DataAccessException("x", new SQLException("timeout", "HYT00", 50200))));
        assertFalse(UniqueKeyViolation.isCause(new IllegalStateException("no SQL at all")));
        assertFalse(UniqueKeyViolation.isCause(null));
    }
}
