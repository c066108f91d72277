-- A cabin's reservations in every state, by check-in: the console's lists, search, calendar and
-- deposits due read a property's reservations through its cabins, and the exclusion
-- constraint's index holds only live stays (holds and confirmed), so without this index those
-- pages read every property's reservations, expired and cancelled ones included, whole.
CREATE INDEX reservations_accommodation_check_in ON reservations (accommodation_id, check_in);
