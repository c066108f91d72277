-- A feed that had events and suddenly returns none (Booking.com and Airbnb have, briefly) is not
-- applied at once: its blocks are kept while it stays empty for less than the worker's
-- ICAL_EMPTY_FEED_GRACE_SECS. `empty_since` is when this run of empty answers began; a sync
-- with events (or an applied empty one) clears it.
ALTER TABLE ical_feeds ADD COLUMN empty_since timestamptz;
