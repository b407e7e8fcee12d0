package uk.org.quadrant.common.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.ServiceOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The database stopped answering: a 503 problem+json saying so (with Retry-After), not a 500 with a
 * reference, and no stack trace. The pool gives up after {@code datasources.default.connection-timeout}
 * (two seconds), so a request fails quickly, and it reconnects by itself once the database is back:
 * nothing needs restarting. Any other data-access failure stays a 500.
 */
public final class DatabaseUnavailable {

    static final String MESSAGE = "The database is not answering; nothing was changed. Try again in a moment.";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);
    /** H2's "connection broken", "database closed" and "database is in exclusive mode / shutting down". */
    private static final Set<Integer> H2_CONNECTION_CODES = Set.of(90067, 90098, 90121, 90135);

    private DatabaseUnavailable() {
    }

    /**
     * Two simultaneous writes the database refused: a unique-key violation ({@link UniqueKeyViolation})
     * or a transaction aborted to break a deadlock (SQLSTATE 40001; MySQL/MariaDB 1213). Nothing was written.
     */
    public static boolean isUniqueKeyViolation(Throwable failure) {
        if (UniqueKeyViolation.isCause(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure, or anything it was caused by, is a lost or unobtainable database connection. */
    public static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof ConnectionException
                    || t.getClass().getSimpleName().equals("CannotGetJdbcConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || H2_CONNECTION_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    static HttpResponse<?> respond(ErrorResponseProcessor<?> processor, HttpRequest<?> request, RuntimeException failure) {
        if (isUniqueKeyViolation(failure)) {
            // Two people creating the same record at once: the loser is told, as for a stale version.
            return processor.processResponse(ErrorContext.builder(request).cause(failure)
                    .errorMessage("This record already exists: someone may have just created it. Reload and try again.").build(),
                    HttpResponse.status(HttpStatus.CONFLICT));
        }
        if (!isConnectionLoss(failure)) {
            return processor.processResponse(ErrorContext.builder(request).cause(failure).build(), HttpResponse.serverError());
        }
        LOG.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getPath(), failure.toString());
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5");
        return processor.processResponse(ErrorContext.builder(request)
                .cause(new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, MESSAGE)).build(), response);
    }

    @Singleton
    @ServiceOnly
    static class OnDataAccess implements ExceptionHandler<DataAccessException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        OnDataAccess(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
            return respond(processor, request, exception);
        }
    }

    @Singleton
    @ServiceOnly
    static class OnConnection implements ExceptionHandler<ConnectionException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        OnConnection(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConnectionException exception) {
            return respond(processor, request, exception);
        }
    }

    @Singleton
    @ServiceOnly
    static class OnTransaction implements ExceptionHandler<TransactionException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        OnTransaction(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, TransactionException exception) {
            return respond(processor, request, exception);
        }
    }

    @Singleton
    @ServiceOnly
    static class OnTxJdbcConnection implements ExceptionHandler<io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        OnTxJdbcConnection(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException exception) {
            return respond(processor, request, exception);
        }
    }

    @Singleton
    @ServiceOnly
    static class OnDataJdbcConnection implements ExceptionHandler<io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        OnDataJdbcConnection(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException exception) {
            return respond(processor, request, exception);
        }
    }
}
