-- Calendar sync (iCal import). The schema file of 20261123 is never edited; this adds to it.

-- What each feed showed at its last good sync, one row per event UID, whether or not its
-- nights could be held by a live reservation. This is how an imported booking that overlaps
-- one of our confirmed stays is kept as a fact (placement 'conflict', with an open row in
-- overbooking_conflicts) although the exclusion constraint rightly refuses it as a live stay,
-- and how it gets placed by a later sync once the nights are free again.
CREATE TABLE ical_events (
    ical_feed_id    BIGINT NOT NULL REFERENCES ical_feeds(id) ON DELETE CASCADE,
    uid             TEXT NOT NULL,
    check_in        DATE NOT NULL,
    check_out       DATE NOT NULL,
    summary         TEXT NOT NULL DEFAULT '',
    -- 'blocked': held whole by one reservation (reservation_ids = {it});
    -- 'covered': some nights are held by another event's block (channels echo each other, merged
    --   feeds overlap): the rest is held by fragments (reservation_ids), re-cut at every sync;
    -- 'conflict': overlaps our confirmed stay; holds nothing (reservation_ids = {}).
    placement       TEXT NOT NULL CHECK (placement IN ('blocked', 'conflict', 'covered')),
    reservation_ids BIGINT[] NOT NULL DEFAULT '{}',
    first_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (ical_feed_id, uid),
    CHECK (check_in < check_out),
    CHECK (placement <> 'blocked' OR cardinality(reservation_ids) = 1),
    CHECK (placement <> 'conflict' OR cardinality(reservation_ids) = 0)
);

-- The body's hash at the last good sync: a feed without ETag that answers the same bytes
-- (most do) is recognised without parsing or touching a row. last_error_kind matches the
-- `kind` label of fleet_ical_sync_errors_total.
ALTER TABLE ical_feeds
    ADD COLUMN content_sha256 TEXT,
    ADD COLUMN last_error_kind TEXT,
    ADD COLUMN last_error_at TIMESTAMPTZ;

-- One open conflict per (feed event, our reservation): a re-sync never records it twice.
CREATE UNIQUE INDEX overbooking_conflicts_open
    ON overbooking_conflicts (ical_feed_id, external_uid, reservation_id)
    WHERE resolved_at IS NULL;
