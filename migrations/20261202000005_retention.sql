-- Retention: rows past their age (MESSAGE_RETENTION_DAYS) are deleted in small batches by the
-- workers. BRIN indexes on the time columns of the append-only tables find the old rows in a
-- few pages however large the tables grow, and cost next to nothing to keep up on insert.
CREATE INDEX outbox_created_brin ON outbox USING brin (created_at);
CREATE INDEX inbound_messages_received_brin ON inbound_messages USING brin (received_at);
CREATE INDEX message_statuses_recorded_brin ON message_statuses USING brin (recorded_at);
