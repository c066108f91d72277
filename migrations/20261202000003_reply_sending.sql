-- At most once to the guest: before `send_reply` calls the provider it marks the reply
-- `sending` (committed on its own), so a run that finds the mark knows a send may have gone out
-- and reconciles (the provider's status webhook, the delivery record in Redis) instead of
-- sending again. Status: pending → relayed → sending → sent; a send the provider refused goes
-- back to relayed.
ALTER TABLE outbox ADD COLUMN sending_since TIMESTAMPTZ;
