-- Revocable sessions (issue 14, finding 5): every token carries the value this column had when its
-- password was checked (claim "sva", epoch milliseconds, 0 while NULL), and the gateway refuses a token
-- whose value is no longer the column's. Sign-out, a password reset and disabling the user set it to
-- the moment of the change, which ends every session and API token issued before, on every replica.
ALTER TABLE user_account ADD COLUMN sessions_valid_after TIMESTAMP(3) NULL DEFAULT NULL;
