-- Attributed audit trail of every write in this service (DESIGN.md "Conventions").
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
