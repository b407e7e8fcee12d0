-- Reminders (issue 18). The outbox: every message the reminder rules decide on is written here, in
-- the transaction that decides it, before anything is sent; the sender drains it. dedupe_key names the
-- reminder (template|subject|occasion|username) and is unique, so a reminder is queued at most once
-- however many times or on however many gateway replicas the rules run.
CREATE TABLE notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    dedupe_key      VARCHAR(255)  NOT NULL,
    recipient       VARCHAR(100)  NOT NULL,
    to_address      VARCHAR(254)  NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    template        VARCHAR(40)   NOT NULL,
    agency_code     VARCHAR(16),
    subject         VARCHAR(300)  NOT NULL,
    text_body       TEXT          NOT NULL,
    html_body       TEXT          NOT NULL,
    unsubscribe_url VARCHAR(1000),
    -- the page the message asks its reader to go to (a gateway path), listed again in a digest
    link_path       VARCHAR(300),
    -- PENDING (to send), SENDING (claimed by one replica), SENT, FAILED, HELD (for the recipient's
    -- weekly digest), DIGESTED (went out in digest digest_id).
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(3)  NOT NULL,
    last_error      VARCHAR(1000),
    claimed_by      VARCHAR(100),
    claimed_at      TIMESTAMP(3),
    transport       VARCHAR(100),
    digest_id       BIGINT,
    created_at      TIMESTAMP(3)  NOT NULL,
    sent_at         TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT uq_notification_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_notification_status ON notification (status, next_attempt_at);
CREATE INDEX ix_notification_recipient ON notification (recipient, status);

-- One row per job that must not run on two replicas at once; a run holds its row's lock
-- (SELECT … FOR UPDATE) while it writes.
CREATE TABLE notification_lock (
    name    VARCHAR(40)  NOT NULL,
    held_by VARCHAR(100),
    held_at TIMESTAMP(3),
    PRIMARY KEY (name)
);
INSERT INTO notification_lock (name) VALUES ('reminder-run');
