-- The sweeper looks for replies left unmarked (a batch of "sent" marks lost with its process)
-- among the few rows not sent yet: a partial index, so the look stays small however large the
-- outbox grows.
CREATE INDEX outbox_unsent_replies ON outbox (created_at) WHERE kind = 'reply' AND status <> 'sent';
