-- Scorecard cache versions per owner agency, one counter per way of seeing that agency's values
-- (replaces the single data_version row, which every write bumped and every writer queued on).
-- A scorecard row shows the owner agency's own values only, and who sees which of them is fixed by
-- ValueVisibility: the owner agency sees all of them (own_version), the board all but drafts
-- (board_version), other agencies approved values of published indicators (public_version).
-- A write bumps, in its own transaction, only the counters of the views it changes; a reader
-- compares the counters of the agencies its scorecard shows with those its cached copy was
-- computed at. In the database, so every replica sees every other replica's writes.
CREATE TABLE scorecard_version (
    agency_code    VARCHAR(16) NOT NULL,
    own_version    BIGINT      NOT NULL,
    board_version  BIGINT      NOT NULL,
    public_version BIGINT      NOT NULL,
    PRIMARY KEY (agency_code)
);
-- The configured agencies' rows up front (QUADRANT_AGENCIES' default); another owner agency's row
-- is created by its first write.
INSERT INTO scorecard_version (agency_code, own_version, board_version, public_version) VALUES
    ('CSC', 0, 0, 0), ('EI', 0, 0, 0), ('EDU', 0, 0, 0), ('TVP', 0, 0, 0), ('OH', 0, 0, 0), ('OUH', 0, 0, 0),
    ('CCG', 0, 0, 0), ('NPS', 0, 0, 0), ('CRC', 0, 0, 0), ('YJS', 0, 0, 0), ('PH', 0, 0, 0), ('VCS', 0, 0, 0),
    ('BOARD', 0, 0, 0);
DROP TABLE data_version;
