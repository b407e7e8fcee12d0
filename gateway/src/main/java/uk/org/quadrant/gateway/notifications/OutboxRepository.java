package uk.org.quadrant.gateway.notifications;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The outbox table. Every state change is one conditional statement, so two gateways cannot both win it. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRepository extends CrudRepository<OutboxMessage, Long> {

    /** Of these reminder keys, the ones already queued. */
    List<String> findDedupeKeyByDedupeKeyInList(Collection<String> dedupeKeys);

    @Query(value = "SELECT * FROM notification ORDER BY id DESC", countQuery = "SELECT COUNT(*) FROM notification")
    Page<OutboxMessage> newestFirst(Pageable pageable);

    @Query(value = "SELECT * FROM notification WHERE status = 'FAILED' ORDER BY id DESC",
            countQuery = "SELECT COUNT(*) FROM notification WHERE status = 'FAILED'")
    Page<OutboxMessage> failedNewestFirst(Pageable pageable);

    /** Messages whose time to be sent has come, oldest first. */
    @Query("SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= :now ORDER BY id LIMIT :limit")
    List<Long> due(Instant now, int limit);

    /** Takes a pending message for one gateway: 1 if this one won it, 0 if another already did. */
    @Query("UPDATE notification SET status = 'SENDING', claimed_by = :by, claimed_at = :at WHERE id = :id AND status = 'PENDING'")
    int claim(long id, String by, Instant at);

    @Query("UPDATE notification SET status = 'SENT', attempts = attempts + 1, sent_at = :at, transport = :transport, last_error = NULL WHERE id = :id AND status = 'SENDING'")
    int sent(long id, String transport, Instant at);

    @Query("UPDATE notification SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = :next, last_error = :error, transport = :transport WHERE id = :id AND status = 'SENDING'")
    int retryLater(long id, Instant next, String error, String transport);

    @Query("UPDATE notification SET status = 'FAILED', attempts = attempts + 1, last_error = :error, transport = :transport WHERE id = :id AND status = 'SENDING'")
    int failed(long id, String error, String transport);

    /**
     * Messages claimed before {@code before} and never finished: their gateway stopped mid-send. They may
     * or may not have left, so they are marked failed, never sent again.
     */
    @Query("UPDATE notification SET status = 'FAILED', last_error = :error WHERE status = 'SENDING' AND claimed_at < :before")
    int abandonInterrupted(Instant before, String error);

    /** The messages in one state, oldest first (the weekly digest reads every HELD one at once). */
    List<OutboxMessage> findByStatusOrderById(OutboxMessage.Status status);

    @Query("UPDATE notification SET status = 'DIGESTED', digest_id = :digestId WHERE id IN (:ids) AND status = 'HELD'")
    int digested(List<Long> ids, long digestId);

    long countByStatus(OutboxMessage.Status status);

    /** A sent message that carried a single-use link: its bodies are overwritten ({@link AccountMail}). */
    @Query("UPDATE notification SET text_body = :words, html_body = :words WHERE id = :id")
    int withhold(long id, String words);
}
