-- Feature flags per property (issue 16): what each property switches on or off. A property
-- without a row has the defaults, which are the fleet's behaviour before flags existed: no
-- spoken replies, email answered, the bot answering, the fleet's own store as the PMS.
CREATE TABLE property_flags (
    property_id    BIGINT PRIMARY KEY REFERENCES properties(id) ON DELETE CASCADE,
    -- Answer a guest's voice note with a voice note too (the text always goes alongside).
    voice_replies  BOOLEAN NOT NULL DEFAULT FALSE,
    -- Answer guests who write by email (off: their mail is recorded, not answered).
    email_channel  BOOLEAN NOT NULL DEFAULT TRUE,
    -- The bot answers guests (off: every message is recorded for staff, none answered).
    auto_replies   BOOLEAN NOT NULL DEFAULT TRUE,
    -- Where rooms and bookings live: the fleet's own tables or a QloApps hotel.
    pms            TEXT NOT NULL DEFAULT 'fleet' CHECK (pms IN ('fleet', 'qloapps')),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
