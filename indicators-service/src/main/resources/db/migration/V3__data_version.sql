-- One counter bumped in the same transaction as every change to what the scorecard reads, so every
-- replica can tell whether its cached scorecards are still current with one indexed read.
CREATE TABLE data_version (
    id      INT    NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO data_version (id, version) VALUES (1, 0);
