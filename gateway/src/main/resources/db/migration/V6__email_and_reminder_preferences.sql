-- Reminders by e-mail (issue 18). Each person's address (optional: without one they get no reminders;
-- 254 characters is the longest address SMTP can carry, RFC 5321), and how they want each kind of
-- reminder (notifications.preferences.ReminderKind / Delivery): no row means "as it happens".
ALTER TABLE user_account ADD COLUMN email VARCHAR(254) NULL DEFAULT NULL;

CREATE TABLE reminder_preference (
    user_id  BIGINT      NOT NULL,
    -- A ReminderKind name (RETURNS_DUE, VALUE_RETURNED, DRAFT_READY, ACTIONS, BOARD_DIGEST).
    kind     VARCHAR(32) NOT NULL,
    -- A Delivery name (IMMEDIATE, WEEKLY_DIGEST, OFF); a statutory kind is never stored as OFF.
    delivery VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, kind),
    CONSTRAINT fk_reminder_preference_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
);
