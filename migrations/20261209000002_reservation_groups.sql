-- A group larger than any cabin books several cabins as one request: one code, one payment
-- link for the sum of the deposits, confirmed or expired together.
CREATE TABLE reservation_groups (
    id            BIGSERIAL PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    -- The effect key of the job that sends its payment link (its replay finds the group).
    hold_cause    TEXT NOT NULL UNIQUE,
    payment_link  TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE reservations ADD COLUMN group_id BIGINT REFERENCES reservation_groups(id);
CREATE INDEX reservations_group ON reservations (group_id) WHERE group_id IS NOT NULL;
-- A payment for a group names the group (its external reference is the group's code).
ALTER TABLE payments ADD COLUMN reservation_group_id BIGINT REFERENCES reservation_groups(id);
