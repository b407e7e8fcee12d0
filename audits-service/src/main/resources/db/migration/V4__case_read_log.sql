-- Who read case-level audit data (issue 8, audit trail): every GET that returns graded cases records
-- who, for which agency, when, through which route, which audit and which case ids. Never a grade,
-- a domain grade or a summary. Append-only: the service only ever inserts here (readlog/CaseReadLog
-- has no update or delete), in a small transaction of its own.
CREATE TABLE case_read_log (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    read_at        TIMESTAMP(3) NOT NULL,
    read_by        VARCHAR(100) NOT NULL,
    read_by_agency VARCHAR(16),
    route          VARCHAR(200) NOT NULL,
    audit_id       BIGINT       NOT NULL,
    case_count     INT          NOT NULL,
    case_ids       TEXT         NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_case_read_log_at ON case_read_log (read_at);
CREATE INDEX ix_case_read_log_by ON case_read_log (read_by, read_at);
