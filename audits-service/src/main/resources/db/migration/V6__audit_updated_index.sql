-- The most recently changed audits (GET /api/v1/audits/recent, the board's "recent audits" panel) are
-- read newest change first with a LIMIT: an index in that order lets the database stop after a few rows.
CREATE INDEX ix_audit_updated ON audit (updated_at, id);
