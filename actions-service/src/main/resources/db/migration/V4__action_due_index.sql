-- The action list in its order (due date, then id): a page of all actions reads its rows from this index
-- instead of sorting every action (issue 9). With a lead agency, ix_action_lead serves the same order.
CREATE INDEX ix_action_due ON plan_action (due_date, id);
