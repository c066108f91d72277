-- The job that placed a hold, so a replay of that job finds its hold without a stored outcome.
ALTER TABLE reservations ADD COLUMN hold_cause TEXT;
CREATE UNIQUE INDEX reservations_hold_cause ON reservations (hold_cause) WHERE hold_cause IS NOT NULL;
