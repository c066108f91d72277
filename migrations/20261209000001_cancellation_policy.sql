-- Each property's cancellation policy, typed (booking::CancellationPolicy): the whole deposit
-- back when a guest cancels at least `cancel_full_refund_days` before check-in; after that
-- `cancel_late_refund_percent` of it back; what is kept usable for another date within
-- `cancel_credit_months` (0: it is not). The defaults are what a property has until its owner
-- says otherwise: the whole deposit up to 15 days before, nothing after.
ALTER TABLE properties
    ADD COLUMN cancel_full_refund_days    INT NOT NULL DEFAULT 15
        CHECK (cancel_full_refund_days BETWEEN 0 AND 365),
    ADD COLUMN cancel_late_refund_percent INT NOT NULL DEFAULT 0
        CHECK (cancel_late_refund_percent BETWEEN 0 AND 100),
    ADD COLUMN cancel_credit_months       INT NOT NULL DEFAULT 0
        CHECK (cancel_credit_months BETWEEN 0 AND 24);

-- A guest asked to cancel a paid reservation: staff decide and act (the reservation stays
-- confirmed until they do). One open request per reservation, with what the policy gave back
-- on the day the guest asked, as the guest was told.
CREATE TABLE cancellation_requests (
    reservation_id        BIGINT PRIMARY KEY REFERENCES reservations(id),
    requested_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    days_before_check_in  INT NOT NULL,
    refund_percent        INT NOT NULL CHECK (refund_percent BETWEEN 0 AND 100),
    credit_months         INT NOT NULL DEFAULT 0,
    -- The turn that recorded it (the guest's message).
    cause_key             TEXT NOT NULL,
    resolved_at           TIMESTAMPTZ
);
CREATE INDEX cancellation_requests_open ON cancellation_requests (requested_at)
    WHERE resolved_at IS NULL;
