-- Email replies answer in the guest's thread: the message they answer and its subject.
ALTER TABLE outbound_messages ADD COLUMN email_thread JSONB;
