-- Browser sessions (issue 19): one row per signed-in browser session, written when the session is
-- issued (its token's "sid" claim) and touched when it is renewed (last_seen_at: at renewal, not on every
-- request). A session whose row has ended_at set is refused on every replica (SessionValidity). A token
-- whose sid has no row (issued before this table existed) is valid until it expires, and is adopted
-- (given a row) at its next renewal. Rows are deleted 90 days after they were last seen or ended
-- (quadrant.auth.sessions.retention). id is the handle pages use, so the sid never reaches a page.
CREATE TABLE browser_session (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    sid            VARCHAR(64)   NOT NULL,
    username       VARCHAR(100)  NOT NULL,
    started_at     TIMESTAMP(3)  NOT NULL,
    last_seen_at   TIMESTAMP(3)  NOT NULL,
    client_address VARCHAR(64),
    device         VARCHAR(100),
    ended_at       TIMESTAMP(3)  NULL DEFAULT NULL,
    ended_by       VARCHAR(100),
    PRIMARY KEY (id),
    CONSTRAINT uq_browser_session_sid UNIQUE (sid)
);
CREATE INDEX ix_browser_session_user ON browser_session (username, ended_at);
CREATE INDEX ix_browser_session_seen ON browser_session (last_seen_at);
