package uk.org.quadrant.audits.readlog;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Caller;

import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Records a read of case-level data in a small transaction of its own, before the cases are returned:
 * if the record cannot be written, the read fails, so no case is ever read unrecorded.
 */
@Singleton
public class CaseReadRecorder {

    private final CaseReadLog log;

    CaseReadRecorder(CaseReadLog log) {
        this.log = log;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void record(Caller caller, String route, long auditId, Collection<Long> caseIds) {
        log.save(new CaseRead(null, Instant.now(), caller.username(), caller.agency().isEmpty() ? null : caller.agency(),
                route, auditId, caseIds.size(), caseIds.stream().map(String::valueOf).collect(Collectors.joining(","))));
    }
}
