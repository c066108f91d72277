-- QloApps as a property's PMS (issue 16): which QloApps hotel a property is, which room type
-- each accommodation is, and which QloApps booking a reservation became. Empty for properties
-- on the fleet's own store (`property_flags.pms = 'fleet'`), which never read them.
ALTER TABLE properties ADD COLUMN qloapps_hotel_id BIGINT;
-- One accommodation is one QloApps room type: the fleet's hold (the exclusion constraint on
-- `reservations`) is per accommodation, so a room type is offered one stay at a time.
ALTER TABLE accommodations ADD COLUMN qloapps_room_type_id BIGINT;
-- Set once QloApps made the booking for this reservation; a retry that finds it set makes none.
ALTER TABLE reservations ADD COLUMN qloapps_booking_id BIGINT;
-- When the fleet first asked QloApps to make that booking: a later try that finds it set while
-- the booking id is still empty may be following a request QloApps did act on (the answer was
-- lost), so it looks for the booking by our code before asking again.
ALTER TABLE reservations ADD COLUMN qloapps_requested_at TIMESTAMPTZ;
-- When QloApps was told that a reservation it booked was released here (expired, given up,
-- moved, cancelled). Until then the expiry tick keeps telling it; the index holds only those.
ALTER TABLE reservations ADD COLUMN qloapps_cancelled_at TIMESTAMPTZ;
CREATE INDEX reservations_qloapps_to_cancel ON reservations (id)
    WHERE qloapps_booking_id IS NOT NULL AND qloapps_cancelled_at IS NULL
      AND status IN ('cancelled', 'expired');
