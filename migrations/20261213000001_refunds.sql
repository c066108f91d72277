-- Deposits given back through Mercado Pago's refunds API: one per reservation or group code.
-- The unique code is the database's "never twice"; Mercado Pago's idempotency key
-- `refund-<code>` is the provider's (a retry after an unrecorded refund gets the same one).
CREATE TABLE refunds (
    id                  BIGSERIAL PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    payment_id          BIGINT NOT NULL REFERENCES payments(id),
    amount              NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    provider_refund_id  TEXT NOT NULL,
    requested_by        BIGINT REFERENCES staff_accounts(id) ON DELETE SET NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Mercado Pago reported the payment of this stay refunded or charged back (from its own
-- dashboard, a bank dispute): the stay is left as it was, for staff to decide.
ALTER TABLE reservations ADD COLUMN payment_reversal TEXT
    CHECK (payment_reversal IN ('refunded', 'charged_back'));
