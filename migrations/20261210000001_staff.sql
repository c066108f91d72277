-- The staff console (issue 13): who may sign in, for which property, and what they did.
-- Sessions live in Redis beside the jobs (the ingress's own store; `ingress::console::session`),
-- so there is no sessions table: a session names its account, and every request reads the
-- account again here (a deactivated account is out at its next click).

CREATE TABLE staff_accounts (
    id             BIGSERIAL PRIMARY KEY,
    property_id    BIGINT NOT NULL REFERENCES properties(id) ON DELETE CASCADE,
    email          TEXT NOT NULL,
    -- owner: everything, staff and settings included; staff: the day-to-day.
    role           TEXT NOT NULL CHECK (role IN ('owner', 'staff')),
    -- Argon2id, as a PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash).
    password_hash  TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- One account per address, whatever its case: signing in names no property.
CREATE UNIQUE INDEX staff_accounts_email ON staff_accounts (lower(email));

-- Every staff action: who, what, on what, when. Never updated, never deleted by the fleet.
CREATE TABLE staff_audit_log (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT REFERENCES staff_accounts(id) ON DELETE SET NULL,
    property_id  BIGINT NOT NULL REFERENCES properties(id) ON DELETE CASCADE,
    action       TEXT NOT NULL,
    subject      TEXT,
    detail       JSONB NOT NULL DEFAULT '{}',
    at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX staff_audit_log_property_at ON staff_audit_log (property_id, at DESC);

-- Hand-off: while `taken_over_until` is in the future, the bot records the guest's messages
-- and does not answer them (`ParseIntent`); staff answer from the console.
ALTER TABLE conversations
    ADD COLUMN taken_over_by    BIGINT REFERENCES staff_accounts(id) ON DELETE SET NULL,
    ADD COLUMN taken_over_until TIMESTAMPTZ;

-- The inbox: a property's conversations, latest first; a conversation's replies by recipient.
CREATE INDEX conversations_property_updated ON conversations (property_id, updated_at DESC);
CREATE INDEX outbox_reply_recipient ON outbox (recipient, created_at) WHERE kind = 'reply';
CREATE INDEX inbound_messages_conversation ON inbound_messages (conversation_id, received_at);

-- A cancellation staff made from the console (a guest's request, or one by phone): who, and the
-- refund it leaves due, in cents, as the property's policy gave it.
ALTER TABLE cancellation_requests
    ADD COLUMN resolved_by  BIGINT REFERENCES staff_accounts(id) ON DELETE SET NULL,
    ADD COLUMN refund_cents BIGINT CHECK (refund_cents >= 0);
