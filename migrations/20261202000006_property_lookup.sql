-- Every message looks its property up by WhatsApp number or by address (lower-cased): both
-- through an index, so a fleet of thousands of properties answers as fast as one.
CREATE INDEX properties_email_lower ON properties (lower(email_address));
