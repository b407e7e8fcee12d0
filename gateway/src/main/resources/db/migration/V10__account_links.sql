-- Invitation and password-reset links (issue 19). The link carries a random secret; only its keyed hash
-- (HMAC-SHA256 under the key derived for "quadrant/account-link/v1") is kept here, so neither this table
-- nor a backup of it can be turned back into a working link. A link is used with one conditional UPDATE
-- (used_at IS NULL AND expires_at > now), so it works once however many replicas are asked at once.
-- A new link of the same purpose for the same account sets used_at on the old ones (re-sending an
-- invitation invalidates the previous link).
CREATE TABLE account_link (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    secret_hash VARCHAR(64)   NOT NULL,
    purpose     VARCHAR(16)   NOT NULL,
    username    VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMP(3)  NOT NULL,
    expires_at  TIMESTAMP(3)  NOT NULL,
    used_at     TIMESTAMP(3)  NULL DEFAULT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_account_link_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_account_link_user ON account_link (username, purpose, used_at);
