package uk.org.quadrant.common.problem;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Tells the connection pool to throw away a connection at once when a statement on it fails because
 * the database went away. The pool does that by itself for MySQL's "08…" SQL states; H2 over TCP
 * reports a broken connection with its own codes, which the pool would otherwise hand out again.
 * Configured as {@code datasources.default.exception-override-class-name}.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException exception) {
        return DatabaseUnavailable.isConnectionLoss(exception) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
