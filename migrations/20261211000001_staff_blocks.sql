-- Dates staff block from the console's calendar (issue 13): a `reservations` row like any stay,
-- `status = 'confirmed'` and `channel_source = 'staff_block'`, so the exclusion constraint
-- `reservations_no_overlap` keeps deciding what is taken (a block over a live stay or hold is
-- refused by it, and nothing can be held over a block), availability counts it and the iCal
-- export carries it. Unblocking cancels the row. What staff wrote about it and who blocked it:
ALTER TABLE reservations
    ADD COLUMN staff_note TEXT CHECK (length(staff_note) <= 200),
    ADD COLUMN blocked_by BIGINT REFERENCES staff_accounts(id) ON DELETE SET NULL;

-- A block is nobody's stay: no guest, no money, never a hold; so no guest's path (their stays
-- by phone or email, vouchers, payments, refunds) can ever find one as theirs.
ALTER TABLE reservations ADD CONSTRAINT reservations_staff_block_has_no_guest CHECK (
    channel_source <> 'staff_block'
    OR (guest_name IS NULL AND guest_phone IS NULL AND guest_email IS NULL
        AND total_amount = 0 AND deposit_amount = 0 AND status IN ('confirmed', 'cancelled'))
);
