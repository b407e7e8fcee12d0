-- The gateway's own schema: the partnership's agencies and the people who sign in.
CREATE TABLE agency (
    code VARCHAR(16)  NOT NULL,
    name VARCHAR(200) NOT NULL,
    PRIMARY KEY (code)
);

CREATE TABLE user_account (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    agency_code   VARCHAR(16)  NOT NULL,
    -- Comma-separated subset of AGENCY_CONTRIBUTOR, AGENCY_LEAD, BOARD_MANAGER, BOARD_CHAIR.
    roles         VARCHAR(200) NOT NULL,
    -- PHC string, Argon2id ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
    password_hash VARCHAR(255) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    updated_at    TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_user_account_username UNIQUE (username),
    CONSTRAINT fk_user_account_agency FOREIGN KEY (agency_code) REFERENCES agency (code)
);

CREATE TABLE change_log (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    changed_at        TIMESTAMP(3) NOT NULL,
    changed_by        VARCHAR(100) NOT NULL,
    changed_by_agency VARCHAR(16),
    entity_type       VARCHAR(64)  NOT NULL,
    entity_id         VARCHAR(200) NOT NULL,
    action            VARCHAR(32)  NOT NULL,
    old_value         TEXT,
    new_value         TEXT,
    PRIMARY KEY (id)
);
CREATE INDEX ix_change_log_entity ON change_log (entity_type, entity_id);
