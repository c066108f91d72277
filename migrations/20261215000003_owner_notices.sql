-- Owner notices beyond email (issue 13).
--
-- An owner's own WhatsApp number, where they want the property's notices as well as by email
-- (set on their own account page in the console). E.164: `+` and 8 to 15 digits.
ALTER TABLE staff_accounts
    ADD COLUMN whatsapp TEXT CHECK (whatsapp ~ '^\+[1-9][0-9]{7,14}$');

-- Where the dead-letter watcher is in each queue's dead letters: every letter that died at or
-- after `noticed_from_ms` is still to be told to owners. Advanced in the transaction that writes
-- the notices (whose outbox keys name the letter and its death, so a letter told twice is
-- written once). One row per queue, locked by the worker that looks.
CREATE TABLE dead_letter_watch (
    queue            TEXT PRIMARY KEY,
    noticed_from_ms  BIGINT NOT NULL
);
