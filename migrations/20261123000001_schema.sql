-- The one schema of the booking fleet. PostgreSQL is the source of truth; Redis only carries jobs.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE properties (
    id               BIGSERIAL PRIMARY KEY,
    name             TEXT NOT NULL,
    whatsapp_phone_number_id TEXT UNIQUE,
    email_address    TEXT UNIQUE,
    currency         CHAR(3) NOT NULL DEFAULT 'ARS',
    time_zone        TEXT NOT NULL DEFAULT 'America/Argentina/Buenos_Aires',
    check_in_time    TIME NOT NULL DEFAULT '14:00',
    check_out_time   TIME NOT NULL DEFAULT '10:00',
    address          TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE accommodations (
    id                  BIGSERIAL PRIMARY KEY,
    property_id         BIGINT NOT NULL REFERENCES properties(id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    capacity            INT NOT NULL CHECK (capacity > 0),
    base_price_per_night NUMERIC(12,2) NOT NULL CHECK (base_price_per_night >= 0),
    weekend_multiplier  NUMERIC(4,2) NOT NULL DEFAULT 1.00 CHECK (weekend_multiplier > 0),
    deposit_percentage  NUMERIC(5,2) NOT NULL DEFAULT 30.00 CHECK (deposit_percentage BETWEEN 0 AND 100),
    photos              TEXT[] NOT NULL DEFAULT '{}',
    amenities           TEXT[] NOT NULL DEFAULT '{}',
    pets_allowed        BOOLEAN NOT NULL DEFAULT FALSE,
    active              BOOLEAN NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (property_id, name)
);

CREATE TABLE ical_feeds (
    id                BIGSERIAL PRIMARY KEY,
    accommodation_id  BIGINT NOT NULL REFERENCES accommodations(id) ON DELETE CASCADE,
    channel           TEXT NOT NULL,            -- airbnb, booking, vrbo, google, other
    url               TEXT NOT NULL,
    etag              TEXT,
    last_modified     TEXT,
    last_synced_at    TIMESTAMPTZ,
    last_error        TEXT,
    active            BOOLEAN NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (accommodation_id, url)
);

CREATE TYPE reservation_status AS ENUM ('pre_reserved', 'confirmed', 'expired', 'cancelled');

CREATE TABLE reservations (
    id                BIGSERIAL PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE,
    accommodation_id  BIGINT NOT NULL REFERENCES accommodations(id),
    guest_name        TEXT,
    guest_phone       TEXT,
    guest_email       TEXT,
    check_in          DATE NOT NULL,
    check_out         DATE NOT NULL,
    period            DATERANGE GENERATED ALWAYS AS (daterange(check_in, check_out, '[)')) STORED,
    guests            INT NOT NULL DEFAULT 1 CHECK (guests > 0),
    total_amount      NUMERIC(12,2) NOT NULL DEFAULT 0,
    deposit_amount    NUMERIC(12,2) NOT NULL DEFAULT 0,
    status            reservation_status NOT NULL,
    channel_source    TEXT NOT NULL,            -- whatsapp, email, staff, ical_import
    external_uid      TEXT,
    ical_feed_id      BIGINT REFERENCES ical_feeds(id) ON DELETE SET NULL,
    payment_link      TEXT,
    expires_at        TIMESTAMPTZ,
    needs_refund      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (check_in < check_out),
    CHECK (status <> 'pre_reserved' OR expires_at IS NOT NULL),
    -- The guarantee: no two live stays of one accommodation share a night. Back-to-back is fine ('[)').
    CONSTRAINT reservations_no_overlap EXCLUDE USING gist (accommodation_id WITH =, period WITH &&)
        WHERE (status IN ('pre_reserved', 'confirmed'))
);
CREATE UNIQUE INDEX reservations_feed_uid ON reservations (ical_feed_id, external_uid)
    WHERE external_uid IS NOT NULL AND status IN ('pre_reserved', 'confirmed');
CREATE INDEX reservations_expiring ON reservations (expires_at) WHERE status = 'pre_reserved';

-- Daily sequence behind reservation codes (RES + yymmdd + sequence).
CREATE TABLE reservation_code_counters (
    day   DATE PRIMARY KEY,
    last  INT NOT NULL
);

CREATE TABLE payments (
    id                   BIGSERIAL PRIMARY KEY,
    provider             TEXT NOT NULL DEFAULT 'mercadopago',
    provider_payment_id  TEXT NOT NULL,
    reservation_id       BIGINT REFERENCES reservations(id),
    external_reference   TEXT,
    status               TEXT NOT NULL,
    status_detail        TEXT,
    amount               NUMERIC(12,2),
    currency             CHAR(3),
    approved_at          TIMESTAMPTZ,
    raw                  JSONB NOT NULL DEFAULT '{}',
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (provider, provider_payment_id)
);

-- A job's effects and this record commit in one transaction: a replay finds the key and does nothing.
CREATE TABLE idempotency_records (
    idempotency_key  TEXT PRIMARY KEY,
    queue            TEXT NOT NULL,
    job_id           TEXT NOT NULL,
    outcome          JSONB NOT NULL DEFAULT '{}',
    completed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_records_completed_at ON idempotency_records (completed_at);

CREATE TABLE conversations (
    id            BIGSERIAL PRIMARY KEY,
    property_id   BIGINT REFERENCES properties(id),
    channel       TEXT NOT NULL,                -- whatsapp, email
    guest_address TEXT NOT NULL,                -- wa_id / user_id / email address
    state         JSONB NOT NULL DEFAULT '{}',
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (property_id, channel, guest_address)
);

CREATE TABLE inbound_messages (
    id                  BIGSERIAL PRIMARY KEY,
    conversation_id     BIGINT REFERENCES conversations(id),
    provider_message_id TEXT NOT NULL UNIQUE,   -- wamid, email Message-ID
    kind                TEXT NOT NULL,          -- text, audio, other
    body                TEXT,
    received_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE outbound_messages (
    id                  BIGSERIAL PRIMARY KEY,
    conversation_id     BIGINT REFERENCES conversations(id),
    cause_key           TEXT NOT NULL UNIQUE,   -- one reply per cause, however often the cause is replayed
    channel             TEXT NOT NULL,
    recipient           TEXT NOT NULL,
    sender_id           TEXT,                   -- WhatsApp phone_number_id to send from
    kind                TEXT NOT NULL DEFAULT 'text',
    body                JSONB NOT NULL,
    status              TEXT NOT NULL DEFAULT 'pending',   -- pending, sent, failed
    provider_message_id TEXT,
    attempts            INT NOT NULL DEFAULT 0,
    last_error          TEXT,
    inbound_received_at TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at             TIMESTAMPTZ
);

-- WhatsApp delivery statuses (sent, delivered, read, failed) are recorded, never dropped silently.
CREATE TABLE message_statuses (
    id                  BIGSERIAL PRIMARY KEY,
    provider_message_id TEXT NOT NULL,
    status              TEXT NOT NULL,
    recipient           TEXT,
    errors              JSONB,
    occurred_at         TIMESTAMPTZ,
    recorded_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (provider_message_id, status)
);

CREATE TABLE overbooking_conflicts (
    id                 BIGSERIAL PRIMARY KEY,
    accommodation_id   BIGINT NOT NULL REFERENCES accommodations(id),
    reservation_id     BIGINT REFERENCES reservations(id),
    ical_feed_id       BIGINT REFERENCES ical_feeds(id),
    external_uid       TEXT,
    check_in           DATE NOT NULL,
    check_out          DATE NOT NULL,
    detected_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at        TIMESTAMPTZ
);
