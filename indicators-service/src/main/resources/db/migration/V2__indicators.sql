-- The multi-agency performance dataset.
CREATE TABLE indicator (
    code              VARCHAR(40)   NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    description       TEXT,
    unit              VARCHAR(16)   NOT NULL,
    polarity          VARCHAR(24)   NOT NULL,
    frequency         VARCHAR(24)   NOT NULL,
    owner_agency      VARCHAR(16)   NOT NULL,
    priority          INT           NOT NULL,
    tolerance_percent DECIMAL(6, 2) NOT NULL,
    numerator_label   VARCHAR(200),
    denominator_label VARCHAR(200),
    population        VARCHAR(40),
    published         BOOLEAN       NOT NULL,
    active            BOOLEAN       NOT NULL,
    version           BIGINT        NOT NULL,
    updated_by        VARCHAR(100)  NOT NULL,
    updated_at        TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (code)
);
CREATE INDEX ix_indicator_owner ON indicator (owner_agency);
CREATE INDEX ix_indicator_priority ON indicator (priority);

-- Targets, baselines and benchmarks: one figure per indicator, kind, period and comparator.
-- kind TARGET and BASELINE have comparator '' (a target can change each period);
-- kind BENCHMARK names its comparator: ENGLAND, REGION, STATISTICAL_NEIGHBOURS or an authority.
CREATE TABLE indicator_reference (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    indicator_code VARCHAR(40)    NOT NULL,
    kind           VARCHAR(16)    NOT NULL,
    period         VARCHAR(16)    NOT NULL,
    comparator     VARCHAR(64)    NOT NULL,
    figure         DECIMAL(18, 4) NOT NULL,
    updated_by     VARCHAR(100)   NOT NULL,
    updated_at     TIMESTAMP(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_reference UNIQUE (indicator_code, kind, period, comparator),
    CONSTRAINT fk_reference_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code)
);

-- Population denominators (e.g. UNDER_18 by calendar year) for rates per 10,000.
CREATE TABLE population (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    population_code  VARCHAR(40)  NOT NULL,
    population_year  INT          NOT NULL,
    population_value BIGINT       NOT NULL,
    updated_by       VARCHAR(100) NOT NULL,
    updated_at       TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_population UNIQUE (population_code, population_year)
);

CREATE TABLE indicator_value (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    indicator_code VARCHAR(40)    NOT NULL,
    period         VARCHAR(16)    NOT NULL,
    period_start   DATE           NOT NULL,
    agency_code    VARCHAR(16)    NOT NULL,
    amount         DECIMAL(18, 4) NOT NULL,
    numerator      DECIMAL(18, 4),
    denominator    DECIMAL(18, 4),
    commentary     TEXT,
    status         VARCHAR(16)    NOT NULL,
    return_reason  TEXT,
    outlier        BOOLEAN        NOT NULL,
    submitted_by   VARCHAR(100),
    submitted_at   TIMESTAMP(3),
    approved_by    VARCHAR(100),
    approved_at    TIMESTAMP(3),
    updated_by     VARCHAR(100)   NOT NULL,
    updated_at     TIMESTAMP(3)   NOT NULL,
    version        BIGINT         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_value UNIQUE (indicator_code, agency_code, period),
    CONSTRAINT fk_value_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code)
);
CREATE INDEX ix_value_indicator_start ON indicator_value (indicator_code, agency_code, period_start);
CREATE INDEX ix_value_agency_period ON indicator_value (agency_code, period);
