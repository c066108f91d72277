-- The outbox sweeper's search for follow-up jobs a Redis failover lost after they were relayed
-- (relayed job rows of the last minutes whose job never ran): only job rows that are relayed,
-- by when they were written.
CREATE INDEX outbox_relayed_jobs ON outbox (created_at) WHERE kind = 'job' AND status = 'relayed';
