-- Action plans and their SMART actions.
CREATE TABLE action_plan (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    title       VARCHAR(300) NOT NULL,
    -- INSPECTION, SERIOUS_CASE_REVIEW, DOMESTIC_HOMICIDE_REVIEW, LEARNING_REVIEW, AUDIT, SELF_ASSESSMENT, BUSINESS_PLAN
    source_type VARCHAR(40)  NOT NULL,
    -- e.g. the audit id in audits-service, or "JTAI-2016"
    source_ref  VARCHAR(100),
    owner       VARCHAR(200),
    start_date  DATE,
    created_by  VARCHAR(100) NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  TIMESTAMP(3) NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
ALTER TABLE action_plan ADD CONSTRAINT uq_plan_source UNIQUE (source_type, source_ref);

CREATE TABLE plan_action (
    id                 BIGINT         NOT NULL AUTO_INCREMENT,
    plan_id            BIGINT         NOT NULL,
    ref                VARCHAR(20)    NOT NULL,
    issue              TEXT           NOT NULL,
    action_text        TEXT           NOT NULL,
    outcome            TEXT,
    measure            TEXT,
    measure_indicator  VARCHAR(40),
    measure_comparator VARCHAR(8),
    measure_target     DECIMAL(18, 4),
    due_date           DATE           NOT NULL,
    lead_role          VARCHAR(200)   NOT NULL,
    lead_agency        VARCHAR(16)    NOT NULL,
    priority           INT,
    status             VARCHAR(16)    NOT NULL,
    -- Set when the action was created from a recommendation elsewhere (e.g. "audits:finding:12"): unique, so re-sending is idempotent.
    source_ref         VARCHAR(100),
    last_update_at     TIMESTAMP(3),
    created_by         VARCHAR(100)   NOT NULL,
    created_at         TIMESTAMP(3)   NOT NULL,
    updated_by         VARCHAR(100)   NOT NULL,
    updated_at         TIMESTAMP(3)   NOT NULL,
    version            BIGINT         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_action_source UNIQUE (source_ref),
    CONSTRAINT fk_action_plan FOREIGN KEY (plan_id) REFERENCES action_plan (id)
);
CREATE INDEX ix_action_plan ON plan_action (plan_id);
CREATE INDEX ix_action_lead ON plan_action (lead_agency, due_date);
