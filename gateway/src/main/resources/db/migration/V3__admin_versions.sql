-- Optimistic locking for agencies (the admin pages rename them; two managers must not overwrite each
-- other), and the change log read newest first on /admin/changes.
ALTER TABLE agency ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_change_log_changed_at ON change_log (changed_at);
