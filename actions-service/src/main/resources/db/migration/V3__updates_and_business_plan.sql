-- Dated progress updates on actions, and the board's business plan (aims and priorities).
CREATE TABLE action_update (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    action_id     BIGINT       NOT NULL,
    update_date   DATE         NOT NULL,
    author        VARCHAR(100) NOT NULL,
    author_role   VARCHAR(200),
    agency        VARCHAR(16)  NOT NULL,
    narrative     TEXT         NOT NULL,
    -- "What difference has this made?"
    difference    TEXT,
    evidence_link VARCHAR(500),
    status_after  VARCHAR(16),
    created_at    TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_update_action FOREIGN KEY (action_id) REFERENCES plan_action (id)
);
CREATE INDEX ix_update_action ON action_update (action_id, update_date);

CREATE TABLE business_plan_item (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    plan_year VARCHAR(16)  NOT NULL,
    -- AIM or PRIORITY
    kind      VARCHAR(16)  NOT NULL,
    number    INT          NOT NULL,
    title     VARCHAR(500) NOT NULL,
    means     TEXT,
    PRIMARY KEY (id),
    CONSTRAINT uq_business_plan_item UNIQUE (plan_year, kind, number)
);
