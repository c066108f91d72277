-- The transactional outbox: every effect a job causes (a reply to a guest, a follow-up job) is
-- a row written in the same transaction as the state that caused it. After the commit a relay
-- hands each row to the queue (a reply to `send_reply`, a job to its own queue) and marks it
-- relayed; a sweeper in every worker relays what a crash left behind. A reply row also records
-- its delivery (status, provider id, attempts): `send_reply` sends it at most once.
CREATE TABLE outbox (
    id                  BIGSERIAL PRIMARY KEY,
    -- The effect key of the job that wrote the row: a replay relays its own rows again.
    cause               TEXT NOT NULL,
    -- Unique per effect however often its cause is replayed.
    effect_key          TEXT NOT NULL UNIQUE,
    kind                TEXT NOT NULL CHECK (kind IN ('reply', 'job')),
    -- The typed effect (`jobs::effects::Effect`) as JSON.
    effect              JSONB NOT NULL,
    traceparent         TEXT,
    request_id          TEXT,
    -- Replies: who gets it, and when the message it answers arrived (reply latency).
    channel             TEXT,
    recipient           TEXT,
    inbound_received_at TIMESTAMPTZ,
    answers_voice       BOOLEAN NOT NULL DEFAULT FALSE,
    -- pending (not relayed yet) → relayed → sent (replies only).
    status              TEXT NOT NULL DEFAULT 'pending',
    relayed_at          TIMESTAMPTZ,
    provider_message_id TEXT,
    attempts            INT NOT NULL DEFAULT 0,
    last_error          TEXT,
    sent_at             TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- The relay of a replayed job, and the sweeper: only unrelayed rows, so both stay small.
CREATE INDEX outbox_unrelayed_by_cause ON outbox (cause) WHERE status = 'pending';
CREATE INDEX outbox_unrelayed ON outbox (created_at) WHERE status = 'pending';

-- Replies written before the outbox keep their history.
INSERT INTO outbox (cause, effect_key, kind, effect, channel, recipient, inbound_received_at, status,
                    relayed_at, provider_message_id, attempts, last_error, sent_at, created_at)
SELECT cause_key, cause_key, 'reply',
       jsonb_build_object('effect', 'reply', 'channel',
           CASE channel WHEN 'whatsapp' THEN jsonb_build_object('channel', 'whatsapp', 'phone_number_id', sender_id, 'from', recipient)
                        ELSE jsonb_strip_nulls(jsonb_build_object('channel', 'email', 'to', sender_id, 'from', recipient, 'thread', email_thread)) END,
           'body', body),
       channel, recipient, inbound_received_at,
       CASE status WHEN 'sent' THEN 'sent' ELSE 'relayed' END,
       created_at, provider_message_id, attempts, last_error, sent_at, created_at
FROM outbound_messages;
DROP TABLE outbound_messages;

-- What guests were sent, as staff and operators read it.
CREATE VIEW outbound_messages AS
SELECT id, cause AS cause_id, effect_key AS cause_key, channel, recipient,
       effect->'body' AS body, effect->'body'->>'kind' AS kind, status, provider_message_id, attempts,
       last_error, inbound_received_at, created_at, sent_at
FROM outbox WHERE kind = 'reply';
