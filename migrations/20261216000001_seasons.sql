-- A cabin's seasons: nights with their own price and minimum stay, set by the owner in the
-- console (`store::console::seasons`) and read with the cabin wherever a stay is priced
-- (`store::availability::COLUMNS`, so the conversation turn, holds and the console's manual
-- reservations all price alike, `booking::seasons`).
--
-- `starts_on` and `ends_on` are the season's FIRST and LAST NIGHT, both included (a night is
-- the date it starts): a season "del 2 al 31 de enero" prices the nights of 2 Jan … 31 Jan, and
-- a stay checking out on 1 Feb is wholly inside it. The price is in pesos with cents, exactly as
-- `accommodations.base_price_per_night`. The season of a stay's first night sets its minimum.
CREATE TABLE seasons (
    id                BIGSERIAL PRIMARY KEY,
    accommodation_id  BIGINT NOT NULL REFERENCES accommodations(id) ON DELETE CASCADE,
    name              TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 60),
    starts_on         DATE NOT NULL,
    ends_on           DATE NOT NULL,
    price_per_night   NUMERIC(12,2) NOT NULL CHECK (price_per_night > 0),
    min_nights        INT NOT NULL DEFAULT 1 CHECK (min_nights BETWEEN 1 AND 60),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT seasons_ends_after_start CHECK (ends_on >= starts_on),
    -- Two seasons of one cabin never share a night, so every night has one price.
    CONSTRAINT seasons_no_overlap EXCLUDE USING gist (
        accommodation_id WITH =,
        daterange(starts_on, ends_on, '[]') WITH &&
    )
);

-- A cabin's seasons in order, as every priced read loads them (one index probe per cabin).
CREATE INDEX seasons_by_accommodation ON seasons (accommodation_id, starts_on);
