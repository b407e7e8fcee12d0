package uk.org.quadrant.common.problem;

import java.sql.SQLException;

/**
 * Recognises a unique-key violation in an exception's causes: SQLSTATE 23505 (H2, PostgreSQL) or
 * MySQL/MariaDB error 1062 (duplicate entry, SQLSTATE 23000, which foreign-key errors share).
 */
public final class UniqueKeyViolation {

    private static final int MYSQL_DUPLICATE_ENTRY = 1062;

    private UniqueKeyViolation() {
    }

    public static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql
                    && ("23505".equals(sql.getSQLState()) || sql.getErrorCode() == MYSQL_DUPLICATE_ENTRY)) {
                return true;
            }
        }
        return false;
    }
}
