-- A second factor for local accounts (issue 19): an authenticator app's TOTP secret (RFC 6238) and
-- one-time recovery codes. The secret is sealed with AES-256-GCM under a key derived from the signing
-- key (label quadrant/totp-secret/v1), the username as associated data, so a copied row opens for no
-- other account and a database dump alone opens nothing. last_used_step is the newest 30-second step a
-- code was accepted for: a code is accepted only by an UPDATE ... WHERE last_used_step < :step, so a
-- code, or an older one, is never accepted twice, even by two replicas at once. A row that is not
-- confirmed is an enrolment begun and not finished: it asks nothing at sign-in.
CREATE TABLE second_factor (
    user_id        BIGINT       NOT NULL,
    -- base64url(12-byte IV || ciphertext || 16-byte GCM tag) of the 20-byte secret.
    sealed_secret  VARCHAR(255) NOT NULL,
    confirmed      BOOLEAN      NOT NULL,
    last_used_step BIGINT       NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    confirmed_at   TIMESTAMP(3) NULL DEFAULT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_second_factor_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
);

-- Ten recovery codes per account, each 120 random bits shown once: only the SHA-256 of the code is kept
-- (hex). A code is used by an UPDATE ... WHERE used_at IS NULL, so it works once, on one replica.
CREATE TABLE recovery_code (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    code_hash  CHAR(64)     NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    used_at    TIMESTAMP(3) NULL DEFAULT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_recovery_code UNIQUE (user_id, code_hash),
    CONSTRAINT fk_recovery_code_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
);
