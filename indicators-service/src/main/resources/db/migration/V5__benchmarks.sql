-- How we compare (issue 16): the partnership's place, indicators mapped to published statistics,
-- the imports and every geography's published figure per indicator and period.

-- The partnership's local authority and neighbour model; one row, absent until the manager first sets it
-- (until then quadrant.benchmarks.la-code and the 2025 model apply).
CREATE TABLE benchmark_place (
    id              INT          NOT NULL,
    la_code         VARCHAR(3)   NOT NULL,
    neighbour_model VARCHAR(8)   NOT NULL,
    version         BIGINT       NOT NULL,
    updated_by      VARCHAR(100) NOT NULL,
    updated_at      TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id)
);

-- Which column of which published file an indicator is, so the manager maps it once.
-- filters: one "column:value" per line. target_from: the benchmark the indicator's RAG is measured against.
CREATE TABLE benchmark_mapping (
    indicator_code VARCHAR(40)  NOT NULL,
    measure        VARCHAR(64)  NOT NULL,
    filters        TEXT,
    data_set_id    VARCHAR(64),
    count_to_rate  BOOLEAN,
    target_from    VARCHAR(24),
    version        BIGINT       NOT NULL,
    updated_by     VARCHAR(100) NOT NULL,
    updated_at     TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (indicator_code),
    CONSTRAINT fk_benchmark_mapping_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code)
);

-- Each import written: where the figures came from, when and by whom.
CREATE TABLE benchmark_import (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    indicator_code VARCHAR(40)  NOT NULL,
    file_name      VARCHAR(200),
    data_set_id    VARCHAR(64),
    data_set_version VARCHAR(32),
    measure        VARCHAR(64)  NOT NULL,
    filters        TEXT,
    row_count      INT          NOT NULL,
    imported_by    VARCHAR(100) NOT NULL,
    imported_at    TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_benchmark_import_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code)
);
CREATE INDEX ix_benchmark_import_indicator ON benchmark_import (indicator_code, id);

-- One published figure: indicator × period × geography (E92000001 England, E12… a region, the 3-digit
-- old code of a local authority). amount is NULL where the publisher suppressed it; suppressed keeps the
-- code it wrote (c, x, z, u, low…), never 0. numerator: the count a rate was computed from, if it was.
CREATE TABLE benchmark_value (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    indicator_code VARCHAR(40)    NOT NULL,
    period         VARCHAR(16)    NOT NULL,
    geo_level      VARCHAR(16)    NOT NULL,
    geo_code       VARCHAR(16)    NOT NULL,
    geo_name       VARCHAR(200),
    region_code    VARCHAR(16),
    amount         DECIMAL(18, 4),
    suppressed     VARCHAR(8),
    numerator      DECIMAL(18, 4),
    import_id      BIGINT         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_benchmark_value UNIQUE (indicator_code, period, geo_code),
    CONSTRAINT fk_benchmark_value_import FOREIGN KEY (import_id) REFERENCES benchmark_import (id)
);

-- A new version of a mapped EES data set found by the refresh check, staged until the manager approves or
-- discards it: the downloaded CSV (dropped once decided) and what importing it would change.
CREATE TABLE benchmark_staged (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    indicator_code   VARCHAR(40)  NOT NULL,
    data_set_id      VARCHAR(64)  NOT NULL,
    data_set_version VARCHAR(32)  NOT NULL,
    published        VARCHAR(40),
    status           VARCHAR(12)  NOT NULL,
    csv_text         LONGTEXT,
    added            INT          NOT NULL,
    changed          INT          NOT NULL,
    unchanged        INT          NOT NULL,
    removed          INT          NOT NULL,
    errors           TEXT,
    staged_at        TIMESTAMP(3) NOT NULL,
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT uq_benchmark_staged UNIQUE (indicator_code, data_set_id, data_set_version),
    CONSTRAINT fk_benchmark_staged_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code)
);
