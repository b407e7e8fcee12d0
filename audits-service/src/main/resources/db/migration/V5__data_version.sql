-- The version of the data the cached read models (theme analysis, grades across audits) are computed
-- from: every recorded change bumps it in its own transaction (docs/performance.md).
CREATE TABLE data_version (
    id      INT    NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO data_version (id, version) VALUES (1, 0);
