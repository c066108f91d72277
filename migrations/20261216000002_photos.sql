-- Cabin photos uploaded from the staff console (owners, /admin/setup), served publicly at
-- /photos/<token>.<ext> so WhatsApp can fetch them for the bot's image messages.
--
-- The token is the only way to a photo from outside: 160 random bits, hex (url-safe), never
-- a sequential id. The bytes live here (a few MB at most, TOAST keeps them out of the heap),
-- so a photo is exactly as durable as the rest of the property's data and goes with its cabin.
-- The conversation turn reads only token and type through the accommodation index, never the
-- bytes.
CREATE TABLE cabin_photos (
    id                BIGSERIAL PRIMARY KEY,
    accommodation_id  BIGINT NOT NULL REFERENCES accommodations(id) ON DELETE CASCADE,
    token             TEXT NOT NULL UNIQUE CHECK (token ~ '^[0-9a-f]{32,}$'),
    content_type      TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    width             INT NOT NULL CHECK (width > 0),
    height            INT NOT NULL CHECK (height > 0),
    bytes             BYTEA NOT NULL,
    position          INT NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX cabin_photos_by_accommodation ON cabin_photos (accommodation_id, position, id);
